// Review #9h attacker pass (fresh eyes), the unknown-pusher rule when the HEAD's push is one an
// event named. mallory (a writer) pushes M on the agent's commit and its `synchronize` is lost (or
// its run cancelled); alice then pushes H on top of M, and H's `synchronize` (sender alice) is
// handled. The delivery itself says the branch moved from `before` = M, not from the agent's
// recorded head, so a push no event named sits under H. But with the head's pusher named, nothing
// is "unknown" (`unknownPusherPushes` is empty), GitHub's activity list is never asked, and M's
// pusher is neither named nor counted: mallory's approval of H counts alone, approving her own M.
// Right (README: "a push … found under the agent's next commit … the agent asks GitHub who made
// it"): M is a push no event named under the head, so its pusher is set aside or, while unknown,
// one more writer must approve.
//
// Held (ordinary tests): `before` equal to the recorded head (nothing unseen) lets another writer's
// approval pass; alice (the head's pusher) is set aside.

import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** alice's push, the head (the webhooks-examples synchronize's `after`). */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** mallory's push no event named, under HEAD. */
const UNSEEN = 'e'.repeat(40);
/** The agent's commit, the head it recorded. */
const AGENT = 'b'.repeat(40);

type Api = ReturnType<typeof githubApi>;

const marker: TaskMarker = {
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  last_push: { sha: AGENT, by: { kind: 'agent' } },
  updated_at: '2026-11-29T10:00:00.000Z',
};

/** The real `synchronize` payload: alice moved the branch from `before` to HEAD. */
function alicePushed(before: string) {
  const payload = webhookExample('pull_request', 'synchronize');
  payload.before = before;
  payload.after = HEAD;
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = HEAD;
  payload.sender.login = 'alice';
  payload.sender.type = 'User';
  return payload;
}

const user = (login: string, type = 'User') => ({ login, id: login.length * 1000 + 3, type });
const activity = (
  id: number,
  before: string,
  after: string,
  actor: ReturnType<typeof user>,
  type = 'push',
) => ({
  id,
  node_id: `RA_kwDOABCD${id}`,
  before,
  after,
  ref: `refs/heads/${BRANCH}`,
  timestamp: `2026-11-29T09:${String(id).padStart(2, '0')}:00Z`,
  activity_type: type,
  actor,
});

function expectSync(api: Api, approvers: string[]) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    approvers.map((login) => ({ login, state: 'APPROVED', commit_id: HEAD })),
  );
  for (const login of approvers) api.permission(login, 'write');
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
  // GitHub's record of the branch's updates, for a run that asks it (today's does not).
  api.scope
    .get(`/repos/${OWNER}/${REPO}/activity`)
    .query(true)
    .optionally()
    .reply(200, [
      activity(3, UNSEEN, HEAD, user('alice')),
      activity(2, AGENT, UNSEEN, user('mallory')),
      activity(1, '0'.repeat(40), AGENT, user(APP_LOGIN, 'Bot'), 'branch_creation'),
    ]);
}

const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;
const writtenMarker = (api: Api) =>
  readStateMarker(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  )?.marker;

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request', payload);
  expect(errors).toEqual([]);
}

describe('Probot app, guided mode: an unseen push under a head whose push an event named', () => {
  it("FAULT: pusher approves own push under a named head (synchronize `before` is not the recorded head; nothing asked): mallory's approval of alice's head counts alone", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, ['mallory']);

    await deliver(alicePushed(UNSEEN));

    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state ?? 'pr_open').toBe('pr_open');
  });

  it("held: alice's push straight on the agent's head: mallory's approval counts (nothing under it)", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, ['mallory']);
    await deliver(alicePushed(AGENT));
    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
    expect(writtenMarker(api)?.state).toBe('approved');
  });

  it("held: the head's pusher alice is set aside", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, ['alice']);
    await deliver(alicePushed(UNSEEN));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    // The sender's account id is recorded with the login (review #9h: it survives a rename).
    expect(writtenMarker(api)?.last_push).toEqual({
      sha: HEAD,
      by: { kind: 'human', login: 'alice', id: alicePushed(UNSEEN).sender.id },
    });
  });
});
