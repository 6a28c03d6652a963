import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// Review #9e (fresh attacker pass). When `/retry` makes the task's branch anew from the base (it
// had been deleted: `branchCreated`), the run drops `human_pushers` — nobody's earlier push is in
// the new branch. But it keeps `unvalidated_push`, the person's head the guard fell back on, so
// the run still reads the pull request as carrying it: its status says "The branch carries
// `bbbbbbb`, pushed by someone other than implementation-agent and never validated, under …",
// which is false (that commit is in no branch of the pull request), and every later run reports
// a head it validated as a person's. Right, as for `human_pushers`: a branch made anew from the
// base carries no earlier push, so `unvalidated_push` goes with it and the status does not claim it.

const BRANCH = 'implementation/1-orders-api';
const BOBS_HEAD = 'b'.repeat(40);

function statusOf(fake: ReturnType<typeof githubFakeBehindNock>) {
  const index = fake.comments.findIndex(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const status = fake.comments[index];
  const marker = status && parseStateMarker(status.body);
  if (status === undefined || marker === undefined) throw new Error('no status comment on #1');
  return { index, marker, body: status.body };
}

describe('review #9e: a branch made anew still said to carry a person’s push', () => {
  it('FAULT: /retry on a deleted branch keeps unvalidated_push and the status claims the new branch carries bob’s commit (stale unvalidated_push)', async () => {
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin' },
      issueBodies: { 1: readExample('orders-api.issue.md') },
    });
    const app = await testProbot();
    await app.receive('issues', formIssue('opened'));
    const opened = statusOf(fake);
    const pull = fake.pulls.find((candidate) => candidate.number === opened.marker.pull_number);
    if (pull === undefined) throw new Error('no pull request');
    // Bob pushed to the branch (the guard recorded it), the pull request was closed (the task
    // cancelled by the close) and its branch deleted.
    pull.state = 'closed';
    const before: TaskMarker = {
      ...opened.marker,
      state: 'cancelled',
      cancelled_by_close: true,
      effective_mode: 'guided',
      unvalidated_push: BOBS_HEAD,
      last_push: { sha: BOBS_HEAD, by: { kind: 'human', login: 'bob' } },
      human_pushers: ['bob'],
    };
    fake.refs.delete(`heads/${BRANCH}`);
    fake.comments[opened.index]!.body = agentStatusComment({ marker: before }).body;

    const retry = issueComment('/retry');
    retry.comment.id = 5501;
    await app.receive('issue_comment', retry);
    expect(app.errors).toEqual([]);

    const after = statusOf(fake);
    expect(after.marker.state).toBe('pr_open');
    // The landed part: the earlier pushers are dropped with the branch.
    expect(after.marker.human_pushers).toBeUndefined();
    expect(after.marker.last_push).toEqual({
      sha: fake.refs.get(`heads/${BRANCH}`),
      by: { kind: 'agent' },
    });
    // Right: the person's head went with the branch too.
    expect(after.marker.unvalidated_push).toBeUndefined();
    expect(after.body).not.toContain(`The branch carries \`${BOBS_HEAD.slice(0, 7)}\``);
  });
});
