import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9f attacker pass, "whoever pushed cannot approve", under the agent's commit: a push no
// event told the agent of (made while the pull request was closed, or its `synchronize` lost) is
// recorded as `unvalidated_push` when a run or a feedback commit builds on it, but its pusher is
// unknown, so `human_pushers` never names them. Once the agent's commit is the head (`last_push`
// by the agent), the approval rule sets nobody aside: the person who pushed that code can approve
// the agent's commit on top of it, and their own approval is the one that counts.
// Right (DESIGN §5b; the pusher rule, as for a head whose push is not recorded): when the branch
// carries a push whose pusher is unknown, no approval can be known not to be the pusher's — it
// is not counted as one (or the pusher is found, e.g. from GitHub's record of the push).

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The agent's commit, built on the unseen push: the head. */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** The push no event told the agent of; its pusher is unknown. */
const UNSEEN = 'e'.repeat(40);

type Api = ReturnType<typeof githubApi>;

const marker = (unvalidatedPush: string | undefined): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 2,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  ...(unvalidatedPush === undefined ? {} : { unvalidated_push: unvalidatedPush }),
  updated_at: '2026-11-29T10:00:00.000Z',
});

function approvalBy(login: string) {
  const review = webhookExample('pull_request_review', 'submitted');
  review.review.state = 'approved';
  review.review.user.login = login;
  review.sender.login = login;
  review.pull_request.head.ref = BRANCH;
  return review;
}

function expectSync(api: Api, status: TaskMarker) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(PULL, [{ login: 'mallory', state: 'APPROVED', commit_id: HEAD }]);
  api.permission('mallory', 'write');
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
}

const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;

async function deliver(payload: Record<string, unknown>) {
  const { receive } = await testProbot();
  await receive('pull_request_review', payload);
}

// Not fixed yet (helper f9f, left for a follow-up): the marker records `unvalidated_push` as a bare
// sha, so the approval rule cannot tell an unseen push (pusher unknown) from a seen one whose pusher
// is in `human_pushers`. The proposed rule: record whether that push's pusher is known (e.g. a
// marker field the guard writes with the `synchronize` sender), and while the branch carries a push
// whose pusher is unknown, require approvals from two different writers in the one approval rule
// (`decideApproval`: at most one of them can be the pusher), the approval check saying why.
describe('Probot app, guided mode: an approval under an unseen push whose pusher is unknown', () => {
  it.failing(
    "FAULT: a writer's approval of the agent's commit counts though the branch carries an unseen push whose pusher may be that writer (unknown pusher under the agent's head)",
    async () => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectSync(api, marker(UNSEEN));

      await deliver(approvalBy('mallory'));

      expect(approvalCheckBody(api)?.conclusion).not.toBe('success');
    },
  );

  it("control: with no unseen push under the agent's commit, the writer's approval counts", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(undefined));

    await deliver(approvalBy('mallory'));

    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
  });
});
