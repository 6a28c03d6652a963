// Review #9h attacker pass (fresh eyes), "whoever pushed a change does not approve it" (DESIGN §5b;
// README "allow_pusher_approval … like GitHub's branch protection 'Require approval of the most
// recent reviewable push'") through a ```suggestion the agent applies. On GitHub, a reviewer who
// clicks "Commit suggestion" is the pusher of that commit, and their approval of it does not count
// under "most recent reviewable push". Here the writer's suggestion is committed byte-exactly by the
// agent (`last_push` the agent's, nobody recorded as pusher), so the suggestion's author then
// approves the head that holds exactly the code they wrote, and that approval counts alone: the
// agent launders the author's push. Right: the author of an applied suggestion is treated as the
// pusher of the commit that holds it (their approval set aside; another writer must approve).
//
// Held (ordinary test): another writer's approval beside the author's counts.

import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { INSTALLATION_ID, webhookExample } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';
import {
  BASE,
  BRANCH,
  deliver,
  expectFileRead,
  expectRun,
  expectValidationCheck,
  lastMarker,
  listedComment,
  listedReview,
  marker,
  NEW_HEAD,
  OWNER,
  PULL,
  pushes,
  REPO,
  reviewEvent,
  SUGGESTION,
  type Api,
} from './review-feedback-fixtures.js';

const AUTHOR = 'maintainer';

/** Step 1: the writer's suggestion on the agent's head; the agent commits it as NEW_HEAD. */
async function agentCommitsTheSuggestion(): Promise<TaskMarker | undefined> {
  const api = githubApi({ owner: OWNER, repo: REPO });
  const comment = listedComment(SUGGESTION);
  expectRun(api, { reviewer: AUTHOR, permission: 'write', comments: [comment] });
  api.permission(AUTHOR, 'write');
  api.config(undefined);
  expectFileRead(api);
  api.commit('ec26c3e57ca3a959ca5aad62de7213c562f8c821');
  api.createTree();
  api.createCommit(NEW_HEAD);
  api.updateRef(BRANCH);
  expectValidationCheck(api);
  api.scope.post(`${BASE}/pulls/${PULL}/comments/${comment.id}/replies`).reply(201, { id: 5001 });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('reviewThreads'))
    .reply(200, {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              nodes: [{ id: 'PRRT_1', isResolved: false, comments: { nodes: [{ databaseId: comment.id }] } }],
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('resolveReviewThread'))
    .reply(200, { data: { resolveReviewThread: { thread: { id: 'PRRT_1', isResolved: true } } } });
  api.updateComment(900);
  // The sync of the agent's new head reads the status comment as the feedback run left it.
  api.scope
    .get(`${BASE}/issues/1/comments`)
    .query({ per_page: 100, page: 1 })
    .reply(() => {
      const written = api.calls
        .filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'))
        .at(-1)?.body.body;
      const status = agentStatusComment({ marker: marker() });
      return [200, [{ ...status, body: written ?? status.body }]];
    });
  api.getPull({ number: PULL, headSha: NEW_HEAD, headRef: BRANCH });
  api.config(undefined);
  api.scope
    .get(`${BASE}/pulls/${PULL}/reviews`)
    .query({ per_page: '100' })
    .reply(200, [listedReview(AUTHOR)]);
  api.permission(AUTHOR, 'write');
  api.approvalChecksOn(NEW_HEAD, []);
  api.approvalCheck(80);
  api.updateComment(900);

  await deliver(reviewEvent(AUTHOR));

  expect(pushes(api).some((call) => call.method === 'PATCH' && call.path.includes('/git/refs/'))).toBe(true);
  return lastMarker(api);
}

/** Step 2: each of `approvers` approves the agent's head, the last one's review delivered. */
async function approves(status: TaskMarker, approvers: string[]): Promise<Api> {
  const approver = approvers.at(-1) ?? AUTHOR;
  const api = githubApi({ owner: OWNER, repo: REPO });
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: NEW_HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(PULL, [
    { login: AUTHOR, state: 'CHANGES_REQUESTED', commit_id: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' },
    ...approvers.map((login) => ({ login, state: 'APPROVED', commit_id: NEW_HEAD })),
  ]);
  for (const login of approvers) api.permission(login, 'write');
  api.approvalChecksOn(NEW_HEAD, []);
  api.approvalCheck(81);
  api.updateComment(900);
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = 'approved';
  payload.review.user.login = approver;
  // Each account its own id (the example's is Codertocat's, the suggestion author's too).
  payload.review.user.id = 7_000_000 + approver.length;
  payload.sender.id = payload.review.user.id;
  payload.review.commit_id = NEW_HEAD;
  payload.sender.login = approver;
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = NEW_HEAD;
  const { receive, errors } = await testProbot();
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
  return api;
}

const approvalCheck = (api: Api) =>
  api.calls
    .filter(
      (call) =>
        call.method === 'POST' &&
        call.path === `${BASE}/check-runs` &&
        call.body.name === 'implementation-agent/approval',
    )
    .at(-1)?.body;
const stateWritten = (api: Api) =>
  readStateMarker(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  )?.marker.state;

describe('review #9h attacks: the author of an applied suggestion approves it', () => {
  it("FAULT: pusher approves own push laundered through the agent's suggestion commit: the suggestion's author approves the agent's head alone and it counts", async () => {
    const after = await agentCommitsTheSuggestion();
    expect(after?.last_push).toEqual({ sha: NEW_HEAD, by: { kind: 'agent' } });
    const api = await approves(after as TaskMarker, [AUTHOR]);
    expect(approvalCheck(api)).not.toMatchObject({ conclusion: 'success' });
    expect(stateWritten(api) ?? 'pr_open').not.toBe('approved');
  });

  it("held: another writer's approval beside the author's passes", async () => {
    const after = await agentCommitsTheSuggestion();
    const api = await approves(after as TaskMarker, [AUTHOR, 'reviewer-alice']);
    expect(approvalCheck(api)).toMatchObject({ conclusion: 'success' });
    expect(stateWritten(api)).toBe('approved');
  });
});
