/**
 * `trust_lost` (who asked for the task and who pushed to its branch was lost) clears only when a
 * run makes the task's branch anew from the base: nothing pushed before is under the new head, and
 * the run records who asked this time (`RECREATED_BRANCH_RESETS`).
 */
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

const BRANCH = 'implementation/1-orders-api';

function statusOf(fake: ReturnType<typeof githubFakeBehindNock>) {
  const index = fake.comments.findIndex(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const status = fake.comments[index];
  const marker = status && parseStateMarker(status.body);
  if (status === undefined || marker === undefined) throw new Error('no status comment on #1');
  return { index, marker };
}

describe('trust_lost clears on a branch made anew', () => {
  it('/retry after the branch was deleted drops trust_lost', async () => {
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin' },
      issueBodies: { 1: readExample('orders-api.issue.md') },
    });
    const app = await testProbot();
    await app.receive('issues', formIssue('opened'));
    const opened = statusOf(fake);
    const pull = fake.pulls.find((candidate) => candidate.number === opened.marker.pull_number);
    if (pull === undefined) throw new Error('no pull request');
    pull.state = 'closed';
    const before: TaskMarker = {
      ...opened.marker,
      state: 'cancelled',
      cancelled_by_close: true,
      trust_lost: true,
    };
    fake.refs.delete(`heads/${BRANCH}`);
    fake.comments[opened.index]!.body = agentStatusComment({ marker: before }).body;

    const retry = issueComment('/retry');
    retry.comment.id = 5502;
    await app.receive('issue_comment', retry);
    expect(app.errors).toEqual([]);

    const after = statusOf(fake);
    expect(after.marker.state).toBe('pr_open');
    expect(after.marker.trust_lost).toBeUndefined();
  });
});
