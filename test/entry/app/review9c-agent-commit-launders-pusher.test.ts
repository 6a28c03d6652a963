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
  FILE,
  FILE_TEXT,
  HEAD,
  lastMarker,
  listedComment,
  listedReview,
  marker,
  NEW_HEAD,
  OWNER,
  PULL,
  REPO,
  reviewEvent,
  SUGGESTION,
  type Api,
} from './review-feedback-fixtures.js';

// Review #9c: the pusher rule ("whoever pushed the PR's head cannot approve it", README; GitHub's
// "Require approval of the most recent reviewable push") only looks at `last_push`. A writer who
// pushes their own code (recorded: `last_push` = them) and then gets the agent to commit on top
// (a suggestion, `/implement`) has `last_push` overwritten with the agent's push, which "sets
// nobody aside": the writer's approval of the agent's head then approves the writer's own
// unreviewed commit underneath it, and guided mode's approval (and `/deploy`'s approval rule)
// pass with no second person having looked at it.

const PUSHER = 'maintainer';

/** Step 1: the writer pushed HEAD, then asks for a one-line change; the agent commits NEW_HEAD on top. */
async function agentCommitsOnTopOfPushersCode(): Promise<TaskMarker | undefined> {
  const api = githubApi({ owner: OWNER, repo: REPO });
  const pushedByWriter = marker({ last_push: { sha: HEAD, by: { kind: 'human', login: PUSHER } } });
  const comment = listedComment(SUGGESTION);
  expectRun(api, { state: pushedByWriter, reviewer: PUSHER, permission: 'write', comments: [comment] });
  api.permission(PUSHER, 'write');
  api.config(undefined);
  expectFileRead(api);
  api.commit(HEAD);
  api.createTree();
  api.createCommit(NEW_HEAD);
  api.updateRef(BRANCH);
  // The writer's push is under the agent's commit: the check on it covers every file of the pull
  // request (review #9e), read at the new head.
  api.scope
    .get(`${BASE}/pulls/${PULL}/files`)
    .query(true)
    .reply(200, [{ filename: FILE, status: 'modified' }]);
  api.scope
    .get(`${BASE}/git/trees/${NEW_HEAD}`)
    .query({ recursive: 'true' })
    .reply(200, {
      sha: NEW_HEAD,
      truncated: false,
      tree: [{ path: FILE, mode: '100644', type: 'blob', sha: 'e'.repeat(40), size: FILE_TEXT.length }],
    });
  api.scope
    .get(`${BASE}/git/blobs/${'e'.repeat(40)}`)
    .reply(200, { encoding: 'base64', content: Buffer.from(FILE_TEXT).toString('base64') });
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
  // The sync of the agent's new head, recorded as the agent's push.
  api.comments(1, [agentStatusComment({ marker: pushedByWriter })]);
  api.getPull({ number: PULL, headSha: NEW_HEAD, headRef: BRANCH });
  api.config(undefined);
  api.scope
    .get(`${BASE}/pulls/${PULL}/reviews`)
    .query({ per_page: '100' })
    .reply(200, [listedReview(PUSHER)]);
  api.permission(PUSHER, 'write');
  api.approvalChecksOn(NEW_HEAD, []);
  api.approvalCheck(80);
  api.updateComment(900);

  await deliver(reviewEvent(PUSHER));

  expect(api.scope.pendingMocks()).toEqual([]);
  return lastMarker(api);
}

/** Step 2: the same writer approves the agent's head. */
async function pusherApproves(status: TaskMarker, api: Api) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: NEW_HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(PULL, [
    { login: PUSHER, state: 'CHANGES_REQUESTED', commit_id: HEAD },
    { login: PUSHER, state: 'APPROVED', commit_id: NEW_HEAD },
  ]);
  api.permission(PUSHER, 'write');
  api.approvalChecksOn(NEW_HEAD, []);
  api.approvalCheck(81);
  api.updateComment(900);
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = 'approved';
  payload.review.user.login = PUSHER;
  payload.sender.login = PUSHER;
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = NEW_HEAD;
  const { receive, errors } = await testProbot();
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
}

const approvalCheckPosted = (api: Api) =>
  api.calls.filter(
    (call) =>
      call.method === 'POST' &&
      call.path === `${BASE}/check-runs` &&
      call.body.name === 'implementation-agent/approval',
  );
const stateWritten = (api: Api) =>
  readStateMarker(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  )?.marker.state;

describe('review #9c attacks: an agent commit on top of a person’s push and the pusher rule', () => {
  it('control: the agent’s commit on top of the writer’s push is recorded as the agent’s push', async () => {
    const after = await agentCommitsOnTopOfPushersCode();
    expect(after?.last_push).toEqual({ sha: NEW_HEAD, by: { kind: 'agent' } });
    // Who pushed underneath the agent's head is kept: their commits are still in the branch.
    expect(after?.human_pushers).toEqual([PUSHER]);
  });

  it('FAULT: a writer who pushed code and had the agent commit on top cannot approve their own code through the agent’s head', async () => {
    const after = await agentCommitsOnTopOfPushersCode();
    expect(after).toBeDefined();
    const api = githubApi({ owner: OWNER, repo: REPO });
    await pusherApproves(after as TaskMarker, api);
    expect(approvalCheckPosted(api).at(-1)?.body).not.toMatchObject({ conclusion: 'success' });
    expect(stateWritten(api)).not.toBe('approved');
    expect(String(approvalCheckPosted(api).at(-1)?.body.output?.summary)).toContain(
      `@${PUSHER} pushed commits to this branch`,
    );
  });

  it('sibling: another writer’s approval of the agent’s head counts', async () => {
    const after = await agentCommitsOnTopOfPushersCode();
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: after as TaskMarker })]);
    api.getPull({ number: PULL, headSha: NEW_HEAD, headRef: BRANCH });
    api.config(undefined);
    api.reviews(PULL, [{ login: 'reviewer-alice', state: 'APPROVED', commit_id: NEW_HEAD }]);
    api.permission('reviewer-alice', 'write');
    api.approvalChecksOn(NEW_HEAD, []);
    api.approvalCheck(81);
    api.updateComment(900);
    const payload = webhookExample('pull_request_review', 'submitted');
    payload.review.state = 'approved';
    payload.review.user.login = 'reviewer-alice';
    payload.pull_request.head.ref = BRANCH;
    payload.pull_request.head.sha = NEW_HEAD;
    const { receive, errors } = await testProbot();
    await receive('pull_request_review', payload);
    expect(errors).toEqual([]);

    expect(approvalCheckPosted(api).at(-1)?.body).toMatchObject({ conclusion: 'success' });
    expect(stateWritten(api)).toBe('approved');
  });
});
