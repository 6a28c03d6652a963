import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { createMirrorCache } from '../../../src/pipeline/mirror/mirror-cache.js';
import {
  BASE,
  BRANCH,
  deliver,
  expectFileRead,
  expectRun,
  FILE,
  HEAD,
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
  statusWrites,
  SUBMITTED_AT,
  SUGGESTION,
  expectValidationCheck,
} from './review-feedback-fixtures.js';
import { taskIdOf } from '../../../src/core/task/task-id-of.js';

describe('Probot app: review feedback → the agent iterates', () => {
  it('applies a suggestion byte-exactly in one commit, replies in the thread and resolves it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const comment = listedComment(SUGGESTION);
    expectRun(api, { reviewer: 'maintainer', permission: 'write', comments: [comment], afterSync: true });
    api.permission('maintainer', 'write');
    api.config(undefined);
    expectFileRead(api);
    api.commit(HEAD);
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
    const steps = (await stores.events.list(taskIdOf({ owner: OWNER, repo: REPO, issueNumber: 1 }))).map(
      (event) => (event.type === 'state_changed' ? event.to : event.type),
    );
    expect(steps).toEqual(expect.arrayContaining(['attempt_started', 'validating', 'pr_open']));
    // The comment's last write is the record's newest version (each run goes on from the mirror when
    // the mirror is newer than the marker it read), and the tasks table holds that version.
    const iterated = readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker;
    expect((await stores.tasks.get(taskIdOf({ owner: OWNER, repo: REPO, issueNumber: 1 })))?.version).toBe(
      iterated?.version,
    );
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
