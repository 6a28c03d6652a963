import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

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
  // The head is the agent's own commit, as a task's status records it.
  last_push: { sha: HEAD, by: { kind: 'agent' } },
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
  // The agent's own verdict is set aside before any permission is asked for.
  if (params.reviewer !== APP_LOGIN)
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
const pushes = (api: Api) => api.calls.filter((call) => call.path.includes('/git/'));

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
}

/** The suggestion run's writes: the commit, the reply, the thread lookup and resolve, the status. */
function expectPush(api: Api, commentId: number) {
  api.commit(HEAD);
  api.createTree();
  api.createCommit(NEW_HEAD);
  api.updateRef(BRANCH);
  api.scope.post(`${BASE}/pulls/${PULL}/comments/${commentId}/replies`).reply(201, { id: 5001 });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('reviewThreads'))
    .optionally()
    .reply(200, {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              nodes: [{ id: 'PRRT_1', isResolved: false, comments: { nodes: [{ databaseId: commentId }] } }],
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('resolveReviewThread'))
    .optionally()
    .reply(200, { data: { resolveReviewThread: { thread: { id: 'PRRT_1', isResolved: true } } } });
  expectFollowUp(api);
}

/** The status writes and the follow-up sync on the new head (optional: the fix may change what it reads). */
function expectFollowUp(api: Api) {
  api.scope.patch(`${BASE}/issues/comments/900`).optionally().times(3).reply(200, { id: 900 });
  api.scope
    .get(`${BASE}/issues/1/comments`)
    .query(true)
    .optionally()
    .reply(200, [agentStatusComment({ marker: marker() })]);
  api.scope
    .get(`${BASE}/pulls/${PULL}`)
    .optionally()
    .reply(200, {
      number: PULL,
      state: 'open',
      merged: false,
      head: { sha: NEW_HEAD, ref: BRANCH, repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
      base: { ref: 'master', repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
    });
  api.scope
    .get(`${BASE}/contents/${encodeURIComponent('.github/implementation-agent.yml')}`)
    .optionally()
    .reply(404, { message: 'Not Found' });
  api.scope
    .get(`${BASE}/pulls/${PULL}/reviews`)
    .query(true)
    .optionally()
    .reply(200, [listedReview('maintainer')]);
  api.scope
    .get(`${BASE}/collaborators/maintainer/permission`)
    .optionally()
    .reply(200, { permission: 'write', role_name: 'write', user: { login: 'maintainer' } });
  api.scope
    .get(`${BASE}/commits/${NEW_HEAD}/check-runs`)
    .query(true)
    .optionally()
    .times(2)
    .reply(200, { total_count: 0, check_runs: [] });
  api.scope.post(`${BASE}/check-runs`).optionally().times(3).reply(201, { id: 80 });
}

describe('review #9 attacks: the commit the agent pushes for review feedback', () => {
  // DESIGN §4/§5: the agent's `implementation-agent` check carries the gate results of what it
  // pushed, and merge-when-green merges only a head that check validated (decideMergeWhenGreen).
  // pushFeedbackCommit runs the gates but publishes no check run on the commit it makes, so after
  // one review suggestion an automated task's PR is never merged by merge-when-green ("never
  // validated"), and a branch requiring the `implementation-agent` check stays blocked.
  it('the feedback commit carries the implementation-agent validation check on its new head', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const comment = listedComment(SUGGESTION);
    expectRun(api, { reviewer: 'maintainer', permission: 'write', comments: [comment] });
    api.permission('maintainer', 'write');
    api.config(undefined);
    expectFileRead(api);
    expectPush(api, comment.id);

    await deliver(reviewEvent('maintainer'));

    expect(pushes(api).some((call) => call.method === 'PATCH')).toBe(true);
    const checks = api.calls.filter((call) => call.method === 'POST' && call.path === `${BASE}/check-runs`);
    expect(checks.map((call) => call.body)).toContainEqual(
      expect.objectContaining({ name: 'implementation-agent', head_sha: NEW_HEAD, conclusion: 'success' }),
    );
  });

  // A task `held` (an outsider's new request on the issue waits for `/approve`) with its earlier
  // PR still open: feedback on it changes nothing (no commit, the task stays held) and is answered
  // once on the pull request saying why.
  it.each([
    ['held', 'waits for `/approve`'],
    ['generating', 'regenerating'],
    ['failed', 'last run failed'],
  ] as const)(
    'review feedback on a %s task’s open PR pushes nothing, keeps the state and says why',
    async (state, why) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      const comment = listedComment(SUGGESTION);
      const task = marker({ state, ...(state === 'held' ? { request_digest: 'e'.repeat(64) } : {}) });
      expectRun(api, {
        state: task,
        reviewer: 'maintainer',
        permission: 'write',
        comments: [comment],
        syncMoves: false,
      });
      api.config(undefined);
      api.createComment(PULL, 6001);
      api.scope.patch(`${BASE}/issues/comments/900`).optionally().times(3).reply(200, { id: 900 });

      await deliver(reviewEvent('maintainer'));

      expect(pushes(api)).toEqual([]);
      const answers = api.calls.filter(
        (call) => call.method === 'POST' && call.path === `${BASE}/issues/${PULL}/comments`,
      );
      expect(answers).toHaveLength(1);
      expect(answers[0]?.body.body).toContain('@maintainer');
      expect(answers[0]?.body.body).toContain(why);
      const written = statusWrites(api).map((call) => readStateMarker(call.body.body)?.marker);
      expect(written.length).toBeGreaterThan(0);
      expect(written.every((record) => record?.state === state)).toBe(true);
      // Recorded as handled: the next run answers it no more.
      expect(written.at(-1)?.handled_triggers).toEqual(
        expect.arrayContaining([`review:${listedReview('maintainer').id}`]),
      );
    },
  );

  // readReviewFeedback reads the PR's whole conversation (every issue comment, not only
  // `/implement` ones, and not only those since `feedback_since`) and gives up past 10 pages
  // (IncompleteListError). Anyone who can comment (on a public repository, anyone) can post the
  // 1,001st comment; from then on every feedback run on the PR throws, and a writer's suggestion
  // is never applied nor answered.
  it('more than 1,000 conversation comments (anyone can post them) do not stop a writer’s suggestion', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const conversation = `${BASE}/issues/${PULL}/comments`;
    for (let page = 1; page <= 10; page++) {
      api.scope
        .get(conversation)
        .query(page === 1 ? { per_page: '100' } : { per_page: '100', page: String(page) })
        .reply(
          200,
          [
            {
              id: 70_000 + page,
              user: { login: 'drive-by', type: 'User' },
              body: 'spam',
              created_at: SUBMITTED_AT,
            },
          ],
          { Link: `<https://api.github.com${conversation}?per_page=100&page=${page + 1}>; rel="next"` },
        );
    }
    const comment = listedComment(SUGGESTION);
    expectRun(api, { reviewer: 'maintainer', permission: 'write', comments: [comment] });
    api.scope
      .get(`${BASE}/collaborators/maintainer/permission`)
      .optionally()
      .reply(200, { permission: 'write', role_name: 'write' });
    api.scope
      .get(`${BASE}/contents/${encodeURIComponent('.github/implementation-agent.yml')}`)
      .optionally()
      .reply(404, {});
    api.scope
      .get(`${BASE}/git/trees/${HEAD}`)
      .query(true)
      .optionally()
      .reply(200, {
        sha: HEAD,
        truncated: false,
        tree: [{ path: FILE, mode: '100644', type: 'blob', sha: FILE_SHA }],
      });
    api.scope
      .get(`${BASE}/git/blobs/${FILE_SHA}`)
      .optionally()
      .reply(200, {
        sha: FILE_SHA,
        encoding: 'base64',
        content: Buffer.from(FILE_TEXT).toString('base64'),
      });
    api.scope
      .get(`${BASE}/git/commits/${HEAD}`)
      .optionally()
      .reply(200, { sha: HEAD, tree: { sha: `tree-of-${HEAD}` } });
    api.scope.post(`${BASE}/git/trees`).optionally().reply(201, { sha: 'new-tree-sha' });
    api.scope.post(`${BASE}/git/commits`).optionally().reply(201, { sha: NEW_HEAD });
    api.scope
      .patch(`${BASE}/git/refs/${encodeURIComponent(`heads/${BRANCH}`)}`)
      .optionally()
      .reply(200, {});
    api.scope
      .post(`${BASE}/pulls/${PULL}/comments/${comment.id}/replies`)
      .optionally()
      .reply(201, { id: 5001 });
    api.scope.post(`${BASE}/issues/${PULL}/comments`).reply(201, { id: 6001 });
    expectFollowUp(api);

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', reviewEvent('maintainer'));

    expect(errors).toEqual([]);
    expect(api.calls.some((call) => call.method === 'POST' && call.path === `${BASE}/git/commits`)).toBe(
      true,
    );
    // The run says how far it read.
    const said = api.calls.find(
      (call) => call.method === 'POST' && call.path === `${BASE}/issues/${PULL}/comments`,
    );
    expect(said?.body.body).toContain('only the first 1000 comments were read');
  });
});
