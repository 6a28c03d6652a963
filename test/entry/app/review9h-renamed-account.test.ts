// Review #9h attacker pass (fresh eyes), who is "the pusher" and "the requester" when their approval
// is set aside (DESIGN §5b: whoever pushed a change does not approve it; the requester does not
// approve their own request unless `review.allow_self_approval`). The task's marker remembers them
// by login (`last_push.by.login`, `human_pushers`, `requester`), and the approval rule compares the
// reviewer's login to those. A GitHub login is not an identity: any user renames their account in
// seconds (Settings → Account → Change username), and the review list then shows the new login for
// the same account (same `user.id`). So the pusher pushes, renames, and approves their own push as
// "another" writer; the requester could do the same with their own request (not tested here: the
// requester is recorded when the task is made). Right: the account that
// pushed (or asked) is the same account whatever its login now, so its approval is still set aside.
//
// Held (ordinary tests): the same login in another case is set aside (logins compare
// case-insensitively); a second writer's approval on top passes.

import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** mallory's account id: her `synchronize` sender then, her review's user now. */
const MALLORY_ID = 5_551_212;

type Api = ReturnType<typeof githubApi>;

/** mallory pushed the head; her `synchronize` was handled (sender `mallory`, id MALLORY_ID). */
const pushedByMallory: TaskMarker = {
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  last_push: { sha: HEAD, by: { kind: 'human', login: 'mallory' } },
  human_pushers: ['mallory'],
  foreign_pushes: [{ sha: HEAD, login: 'mallory' }],
  updated_at: '2026-11-29T10:00:00.000Z',
};

/** The agent pushed the head; the requester asked for it. */
const askedByRequester: TaskMarker = {
  ...pushedByMallory,
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  human_pushers: [],
  foreign_pushes: [],
};

function approvalBy(login: string, id: number) {
  const review = webhookExample('pull_request_review', 'submitted');
  review.review.state = 'approved';
  review.review.user.login = login;
  review.review.user.id = id;
  review.review.commit_id = HEAD;
  review.sender.login = login;
  review.sender.id = id;
  review.pull_request.head.ref = BRANCH;
  review.pull_request.head.sha = HEAD;
  return review;
}

/** The delivered review's id (webhooks-examples): the list shows the same review. */
const REVIEW_ID = Number(webhookExample('pull_request_review', 'submitted').review.id);

/** Each approver's login and account id, as the review list shows them now. */
function expectSync(api: Api, status: TaskMarker, approvers: Array<{ login: string; id: number }>) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.scope
    .get(`/repos/${OWNER}/${REPO}/pulls/${PULL}/reviews`)
    .query({ per_page: '100' })
    .reply(
      200,
      approvers.map(({ login, id }, index) => ({
        id: index === approvers.length - 1 ? REVIEW_ID : index + 1,
        user: { login, id, type: 'User' },
        state: 'APPROVED',
        commit_id: HEAD,
      })),
    );
  for (const { login } of approvers) api.permission(login, 'write');
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
}

const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;
const writtenMarker = (api: Api) =>
  readStateMarker(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  )?.marker;

async function deliverEvent(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

const deliver = (payload: Record<string, unknown>) => deliverEvent('pull_request_review', payload);

/** The real `synchronize` payload (its head is HEAD), pushed by the account `login` (`id`). */
function pushedBy(login: string, id: number) {
  const payload = webhookExample('pull_request', 'synchronize');
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = HEAD;
  payload.sender.login = login;
  payload.sender.id = id;
  payload.sender.type = 'User';
  return payload;
}

describe('Probot app, guided mode: the pusher or requester approves under a new login', () => {
  it('FAULT: pusher approves own push after renaming the account (identity by login, not account id): mallory pushed, renamed to mallory-2, and her approval counts alone', async () => {
    // 1. mallory's push: the `synchronize` the agent handles records her as the head's pusher.
    const first = githubApi({ owner: OWNER, repo: REPO });
    expectSync(first, askedByRequester, []);
    await deliverEvent('pull_request', pushedBy('mallory', MALLORY_ID));
    const recorded = writtenMarker(first);
    expect(recorded?.last_push).toEqual({
      sha: HEAD,
      by: { kind: 'human', login: 'mallory', id: MALLORY_ID },
    });

    // 2. She renames her account and approves: the review list shows the same account's new login.
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, recorded ?? pushedByMallory, [{ login: 'mallory-2', id: MALLORY_ID }]);
    await deliver(approvalBy('mallory-2', MALLORY_ID));

    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state ?? 'pr_open').toBe('pr_open');
  });

  it("held: the pusher's login in another case is still the pusher's (set aside)", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, pushedByMallory, [{ login: 'MALLORY', id: MALLORY_ID }]);
    await deliver(approvalBy('MALLORY', MALLORY_ID));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state ?? 'pr_open').toBe('pr_open');
  });

  it("held: another writer's approval of mallory's push passes", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, pushedByMallory, [
      { login: 'mallory', id: MALLORY_ID },
      { login: 'bob', id: 77 },
    ]);
    await deliver(approvalBy('bob', 77));
    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
    expect(writtenMarker(api)?.state).toBe('approved');
  });
});
