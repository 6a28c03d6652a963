import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { createMirrorCache, type MirrorCache } from '../../../src/pipeline/mirror/mirror-cache.js';

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const NEW_HEAD = 'c'.repeat(40);
const BASE = `/repos/${OWNER}/${REPO}`;
const FILE = 'src/handler.ts';
const FILE_SHA = 'd'.repeat(40);
// A CRLF file: the suggestion must keep every line ending as it was.
const FILE_TEXT = "export const tableName = 'orders';\r\nexport const region = 'ap-southeast-2';\r\n";
const SUBMITTED_AT = '2026-11-29T11:00:00Z';

type Api = ReturnType<typeof githubApi>;

const marker = (patch: Partial<TaskMarker> = {}): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  updated_at: '2026-11-29T10:00:00.000Z',
  ...patch,
});

/** The real review payload; only its state, author and the branch differ. */
function reviewEvent(reviewer: string, type = 'User') {
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = 'changes_requested';
  payload.review.user.login = reviewer;
  payload.review.user.type = type;
  payload.sender.login = reviewer;
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

/** The review as `GET /pulls/2/reviews` lists it: the payload's review. */
function listedReview(reviewer: string, type = 'User') {
  const review = reviewEvent(reviewer, type).review;
  return { ...review, state: 'CHANGES_REQUESTED', commit_id: HEAD, submitted_at: SUBMITTED_AT };
}

/** The real review comment, on line 1 of the file on the head, holding `body`. */
function listedComment(body: string, patch: Record<string, unknown> = {}) {
  const { comment } = webhookExample('pull_request_review_comment', 'created');
  return {
    ...comment,
    pull_request_review_id: listedReview('maintainer').id,
    path: FILE,
    line: 1,
    start_line: null,
    side: 'RIGHT',
    commit_id: HEAD,
    body,
    ...patch,
  };
}

const SUGGESTION =
  "Use the environment:\r\n```suggestion\r\nexport const tableName = process.env.TABLE_NAME ?? 'orders';\r\n```";

/** The approval sync (as in guided mode), then the feedback run's reads. */
function expectRun(
  api: Api,
  params: {
    /** The sync moves the task (a reviewer whose verdict counts): it writes the status once. */
    syncMoves?: boolean;
    state?: TaskMarker;
    reviewer: string;
    permission: string;
    comments: unknown[];
    type?: string;
  },
) {
  const status = agentStatusComment({ marker: params.state ?? marker() });
  api.installationToken(INSTALLATION_ID);
  // The sync: the task, the PR, the config, the reviews and the approval check.
  api.comments(1, [status]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  const listed = [listedReview(params.reviewer, params.type)];
  api.scope.get(`${BASE}/pulls/${PULL}/reviews`).query({ per_page: '100' }).times(2).reply(200, listed);
  // A bot's verdict (the agent's included) is nobody's: no permission is asked for.
  if (params.type !== 'Bot')
    api.scope.get(`${BASE}/collaborators/${encodeURIComponent(params.reviewer)}/permission`).reply(200, {
      permission: params.permission,
      role_name: params.permission,
      user: { login: params.reviewer },
    });
  api.approvalChecksOn(HEAD, []);
  api.approvalCheck();
  if (params.syncMoves ?? true) api.updateComment(900);
  // The feedback run.
  api.comments(1, [status]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.reviewComments(PULL, params.comments);
  api.conversation(PULL);
}

function expectFileRead(api: Api) {
  api.scope
    .get(`${BASE}/git/trees/${HEAD}`)
    .query({ recursive: 'true' })
    .reply(200, {
      sha: HEAD,
      truncated: false,
      tree: [{ path: FILE, mode: '100644', type: 'blob', sha: FILE_SHA }],
    });
  api.scope
    .get(`${BASE}/git/blobs/${FILE_SHA}`)
    .reply(200, { sha: FILE_SHA, encoding: 'base64', content: Buffer.from(FILE_TEXT).toString('base64') });
}

const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
const lastMarker = (api: Api) => readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker;
const pushes = (api: Api) => api.calls.filter((call) => call.path.includes('/git/'));

async function deliver(payload: Record<string, unknown>, mirrors?: MirrorCache) {
  const { receive, errors } = await testProbot(mirrors === undefined ? {} : { mirrors });
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
}

describe('Probot app: review feedback → the agent iterates', () => {
  it('applies a suggestion byte-exactly in one commit, replies in the thread and resolves it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const comment = listedComment(SUGGESTION);
    expectRun(api, { reviewer: 'maintainer', permission: 'write', comments: [comment] });
    api.permission('maintainer', 'write');
    api.config(undefined);
    expectFileRead(api);
    api.commit(HEAD);
    api.createTree();
    api.createCommit(NEW_HEAD);
    api.updateRef(BRANCH);
    api.scope.post(`${BASE}/pulls/${PULL}/comments/${comment.id}/replies`).reply(201, { id: 5001 });
    api.scope
      .post('/graphql', (body: { query: string }) => body.query.includes('reviewThreads'))
      .reply(200, {
        data: {
          repository: {
            pullRequest: {
              reviewThreads: {
                nodes: [
                  { id: 'PRRT_1', isResolved: false, comments: { nodes: [{ databaseId: comment.id }] } },
                ],
                pageInfo: { hasNextPage: false, endCursor: null },
              },
            },
          },
        },
      });
    api.scope
      .post(
        '/graphql',
        (body: { query: string; variables: { threadId: string } }) =>
          body.query.includes('resolveReviewThread') && body.variables.threadId === 'PRRT_1',
      )
      .reply(200, { data: { resolveReviewThread: { thread: { id: 'PRRT_1', isResolved: true } } } });
    api.updateComment(900);
    // The new head gets the approval check at once; the request for changes stands until its reviewer re-reviews.
    api.comments(1, [agentStatusComment({ marker: marker() })]);
    api.getPull({ number: PULL, headSha: NEW_HEAD, headRef: BRANCH });
    api.config(undefined);
    api.scope
      .get(`${BASE}/pulls/${PULL}/reviews`)
      .query({ per_page: '100' })
      .reply(200, [listedReview('maintainer')]);
    api.permission('maintainer', 'write');
    api.approvalChecksOn(NEW_HEAD, []);
    api.approvalCheck(80);
    api.updateComment(900);

    const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'feedback-mirror-')));
    await deliver(
      reviewEvent('maintainer'),
      createMirrorCache({ open: () => ({ ...stores, close: () => {} }) }),
    );

    expect(api.scope.pendingMocks()).toEqual([]);
    // The iteration's moves reach the mirror like every other step: the tables hold what the comment shows.
    const steps = (await stores.events.list(`${OWNER}/${REPO}#1`)).map((event) =>
      event.type === 'state_changed' ? event.to : event.type,
    );
    expect(steps).toEqual(expect.arrayContaining(['attempt_started', 'validating', 'pr_open']));
    const iterated = readStateMarker(statusWrites(api).at(-2)?.body.body ?? '')?.marker;
    expect((await stores.tasks.get(`${OWNER}/${REPO}#1`))?.version).toBe(iterated?.version);
    const tree = api.calls.find((call) => call.path === `${BASE}/git/trees` && call.method === 'POST');
    expect(tree?.body).toEqual({
      base_tree: `tree-of-${HEAD}`,
      tree: [
        {
          path: FILE,
          mode: '100644',
          type: 'blob',
          content:
            "export const tableName = process.env.TABLE_NAME ?? 'orders';\r\nexport const region = 'ap-southeast-2';\r\n",
        },
      ],
    });
    expect(
      api.calls.find((call) => call.path === `${BASE}/git/commits` && call.method === 'POST')?.body,
    ).toMatchObject({
      parents: [HEAD],
    });
    expect(api.calls.find((call) => call.path.endsWith('/replies'))?.body.body).toContain(
      'Applied the suggestion',
    );
    expect(
      api.calls.filter((call) => call.method === 'POST' && call.path === `${BASE}/check-runs`).at(-1)?.body,
    ).toMatchObject({ name: 'implementation-agent/approval', head_sha: NEW_HEAD });
    expect(readStateMarker(statusWrites(api).at(-2)?.body.body ?? '')?.marker).toMatchObject({
      state: 'pr_open',
      attempt: 2,
      feedback_iterations: 1,
      feedback_since: SUBMITTED_AT,
      handled_triggers: expect.arrayContaining([`review:${listedReview('maintainer').id}`]),
    });
  });

  it('a redelivery (or a later run) pushes nothing twice: the review is already taken in', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const done = marker({
      handled_triggers: [`review:${listedReview('maintainer').id}`],
      feedback_since: SUBMITTED_AT,
      feedback_iterations: 1,
      attempt: 2,
    });
    expectRun(api, {
      state: done,
      reviewer: 'maintainer',
      permission: 'write',
      comments: [listedComment(SUGGESTION)],
    });

    await deliver(reviewEvent('maintainer'));

    expect(api.scope.pendingMocks()).toEqual([]);
    expect(pushes(api)).toEqual([]);
    expect(api.calls.filter((call) => call.path.endsWith('/replies'))).toEqual([]);
  });

  it('past review.max_iterations nothing is pushed and a person is asked to take over', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const comment = listedComment(SUGGESTION);
    expectRun(api, {
      state: marker({ feedback_iterations: 3 }),
      reviewer: 'maintainer',
      permission: 'write',
      comments: [comment],
    });
    api.permission('maintainer', 'write');
    api.config(undefined);
    expectFileRead(api);
    api.scope.post(`${BASE}/pulls/${PULL}/comments/${comment.id}/replies`).reply(201, { id: 5001 });
    api.createComment(PULL, 6001);
    api.updateComment(900);

    await deliver(reviewEvent('maintainer'));

    expect(api.scope.pendingMocks()).toEqual([]);
    expect(pushes(api).filter((call) => call.method !== 'GET')).toEqual([]);
    expect(api.calls.find((call) => call.path.endsWith('/replies'))?.body.body).toContain(
      'review.max_iterations',
    );
    expect(
      api.calls.find((call) => call.path === `${BASE}/issues/${PULL}/comments` && call.method === 'POST')
        ?.body.body,
    ).toContain('review.max_iterations');
    expect(lastMarker(api)).toMatchObject({ state: 'pr_open', feedback_iterations: 3, attempt: 1 });
  });

  it('free text with the offline provider is answered honestly and nothing is pushed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const comment = listedComment('Please store orders in DynamoDB instead');
    expectRun(api, { reviewer: 'maintainer', permission: 'write', comments: [comment] });
    api.permission('maintainer', 'write');
    api.config(undefined);
    expectFileRead(api);
    api.scope.post(`${BASE}/pulls/${PULL}/comments/${comment.id}/replies`).reply(201, { id: 5001 });
    api.updateComment(900);

    await deliver(reviewEvent('maintainer'));

    expect(api.scope.pendingMocks()).toEqual([]);
    expect(pushes(api).filter((call) => call.method !== 'GET')).toEqual([]);
    const reply = api.calls.find((call) => call.path.endsWith('/replies'))?.body.body as string;
    expect(reply).toContain('offline provider cannot rewrite code from free text');
    expect(reply).toContain('Bedrock');
  });

  it.each([
    ['a read-only user', 'reader', 'read', 'User', true],
    ['a triager', 'triager', 'triage', 'User', true],
    ['a bot with write access', 'helper-bot[bot]', 'write', 'Bot', false],
  ])('a review from %s changes nothing', async (_who, login, permission, type, answered) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectRun(api, {
      reviewer: login,
      permission,
      type,
      // The approval sync never counts a bot's request for changes: the task does not move.
      syncMoves: false,
      comments: [listedComment(SUGGESTION)],
    });
    // A bot's permission is never asked for: it never counts.
    if (type === 'User') api.permission(login, permission);
    api.config(undefined);
    if (answered) api.createComment(PULL, 6001);
    api.updateComment(900);

    await deliver(reviewEvent(login, type));

    expect(api.scope.pendingMocks()).toEqual([]);
    expect(pushes(api)).toEqual([]);
    expect(api.calls.filter((call) => call.path.endsWith('/replies'))).toEqual([]);
    const answer = api.calls.find(
      (call) => call.path === `${BASE}/issues/${PULL}/comments` && call.method === 'POST',
    );
    if (answered) expect(answer?.body.body).toContain('write, maintain or admin');
    else expect(answer).toBeUndefined();
  });

  it('the agent’s own review changes nothing and is not answered', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectRun(api, {
      reviewer: APP_LOGIN,
      syncMoves: false,
      permission: 'write',
      type: 'Bot',
      comments: [listedComment(SUGGESTION)],
    });
    api.config(undefined);
    api.updateComment(900);

    await deliver(reviewEvent(APP_LOGIN, 'Bot'));

    expect(api.scope.pendingMocks()).toEqual([]);
    expect(pushes(api)).toEqual([]);
    expect(api.calls.filter((call) => call.method === 'POST' && call.path.includes('/comments'))).toEqual([]);
  });
});
