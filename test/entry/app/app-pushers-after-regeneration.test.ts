import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// #9: `human_pushers` (everyone but the agent who pushed to the task's branch) was never reset, so
// an earlier pusher could never approve the task. The agent only ever commits on top of the branch
// (re-runs and feedback commits build on its head, never force-moving it), so their commits stay
// under every later head and the rule holds for the task's life — except when the branch itself is
// gone (deleted once its pull request was closed): `/retry` then makes it anew from the base branch
// with only the agent's commit, and nobody's earlier push is in it.

const BRANCH = 'implementation/1-orders-api';
type Fake = ReturnType<typeof githubFakeBehindNock>;

function statusOf(fake: Fake) {
  const index = fake.comments.findIndex(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const status = fake.comments[index];
  const marker = status && parseStateMarker(status.body);
  if (status === undefined || marker === undefined) throw new Error('no status comment on #1');
  return { index, marker };
}

function retry() {
  const payload = issueComment('/retry');
  payload.comment.id = 5201;
  return payload;
}

/**
 * The task's pull request opened, then @bob pushed to its branch, the pull request was closed (the
 * task cancelled by the close) and, when `deleteBranch`, the branch deleted; then `/retry`.
 */
async function retryAfterClose(
  deleteBranch: boolean,
): Promise<{ before: TaskMarker; after: TaskMarker; fake: Fake }> {
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
  const bobsHead = 'b'.repeat(40);
  const before: TaskMarker = {
    ...opened.marker,
    state: 'cancelled',
    cancelled_by_close: true,
    last_push: { sha: bobsHead, by: { kind: 'human', login: 'bob' } },
    human_pushers: ['bob'],
  };
  if (deleteBranch) fake.refs.delete(`heads/${BRANCH}`);
  else fake.refs.set(`heads/${BRANCH}`, bobsHead);
  const comment = fake.comments[opened.index];
  if (comment === undefined) throw new Error('no status comment');
  comment.body = agentStatusComment({ marker: before }).body;

  await app.receive('issue_comment', retry());

  expect(app.errors).toEqual([]);
  return { before, after: statusOf(fake).marker, fake };
}

describe('Probot app: who pushed to the branch, after the agent publishes again', () => {
  it('FAULT: /retry on a deleted branch makes it anew from the base: the earlier pushers are dropped', async () => {
    const { after, fake } = await retryAfterClose(true);
    expect(after.state).toBe('pr_open');
    expect(after.human_pushers).toBeUndefined();
    // The head is the agent's own commit on the base branch's head.
    expect(after.last_push).toEqual({ sha: fake.refs.get(`heads/${BRANCH}`), by: { kind: 'agent' } });
  });

  it('/retry on the branch that is still there commits on top of bob’s push: bob stays recorded', async () => {
    const { after } = await retryAfterClose(false);
    expect(after.state).toBe('pr_open');
    expect(after.human_pushers).toEqual(['bob']);
  });
});
