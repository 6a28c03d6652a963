import { accountId } from './account-id.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// #9 review: one writer pushed code of their own to a guided task's branch and approved it. The
// `pull_request.synchronize` delivery's sender is GitHub's record of who pushed: the agent records
// it on the task's status (`last_push`) and sets that person's approval of the head aside.

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

type Api = ReturnType<typeof githubApi>;

const marker = (lastPush?: TaskMarker['last_push']): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  updated_at: '2026-11-29T10:00:00.000Z',
  ...(lastPush === undefined ? {} : { last_push: lastPush }),
});

/** The real `synchronize` payload (its head is HEAD), pushed by `pusher`. */
function pushedBy(pusher: string, type = 'User', before = 'd'.repeat(40)) {
  const payload = webhookExample('pull_request', 'synchronize');
  // Pushed on the head the task recorded: no push under it went unseen (review #9h).
  payload.before = before;
  payload.pull_request.head.ref = BRANCH;
  payload.sender.login = pusher;
  payload.sender.id = accountId(pusher);
  payload.sender.type = type;
  return payload;
}

/** What the sync reads: the task's status, the pull request at HEAD, the config, the reviews. */
function expectSync(
  api: Api,
  reviews: string[],
  options: { config?: string; lastPush?: TaskMarker['last_push'] } = {},
) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: marker(options.lastPush) })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(options.config);
  api.reviews(
    PULL,
    reviews.map((login) => ({ login, state: 'APPROVED', commit_id: HEAD })),
  );
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
}

const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
const lastMarker = (api: Api) => readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker;
const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

describe('Probot app, guided mode: whoever pushed the head cannot approve it', () => {
  it('records the push on the status even when the task does not move, and sets the pusher’s approval aside', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, ['mallory']);
    api.updateComment(900);

    await deliver('pull_request', pushedBy('mallory'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ head_sha: HEAD, status: 'in_progress' });
    expect(approvalCheckBody(api)?.output.summary).toContain(
      '@mallory pushed `ec26c3e`; someone else must approve it',
    );
    expect(lastMarker(api)).toMatchObject({
      state: 'pr_open',
      last_push: { sha: HEAD, by: { kind: 'human', login: 'mallory' } },
    });
  });

  it('another writer’s approval of the pushed head counts', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, ['mallory', 'maintainer']);
    api.permission('maintainer', 'write');
    api.updateComment(900);

    await deliver('pull_request', pushedBy('mallory'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({
      conclusion: 'success',
      output: { title: 'Approved by @maintainer' },
    });
    expect(lastMarker(api)).toMatchObject({ state: 'approved', last_push: { by: { login: 'mallory' } } });
  });

  it('with review.allow_pusher_approval, the pusher’s own approval counts', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, ['mallory'], { config: 'review:\n  allow_pusher_approval: true\n' });
    api.permission('mallory', 'write');
    api.updateComment(900);

    await deliver('pull_request', pushedBy('mallory'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({
      conclusion: 'success',
      output: { title: 'Approved by @mallory' },
    });
    expect(lastMarker(api)).toMatchObject({ state: 'approved', last_push: { by: { login: 'mallory' } } });
  });

  it('the agent’s own push sets nobody aside: a writer’s approval counts', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // mallory pushed an earlier head; the agent's commit now is the head.
    expectSync(api, ['maintainer'], {
      lastPush: { sha: 'd'.repeat(40), by: { kind: 'human', login: 'mallory' } },
    });
    api.permission('maintainer', 'write');
    api.updateComment(900);

    await deliver('pull_request', pushedBy(APP_LOGIN, 'Bot'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
    expect(lastMarker(api)).toMatchObject({
      state: 'approved',
      last_push: { sha: HEAD, by: { kind: 'agent' } },
    });
  });

  it('a later review event keeps the recorded pusher aside, and the status comment names them, once', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, ['mallory'], { lastPush: { sha: HEAD, by: { kind: 'human', login: 'mallory' } } });
    api.updateComment(900);
    const review = webhookExample('pull_request_review', 'submitted');
    review.review.state = 'approved';
    review.review.user.login = 'mallory';
    review.review.user.id = accountId('mallory');
    review.sender.login = 'mallory';
    review.sender.id = accountId('mallory');
    review.pull_request.head.ref = BRANCH;

    await deliver('pull_request_review', review);

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(approvalCheckBody(api)?.output.summary).toContain('@mallory pushed `ec26c3e`');
    // The task does not move; its status says whose approval is set aside and how to get one counted.
    expect(statusWrites(api)).toHaveLength(1);
    expect(lastMarker(api)?.state).toBe('pr_open');
    const written = String(statusWrites(api)[0]?.body.body);
    expect(written).toContain('Not counted: @mallory pushed `ec26c3e`');
    expect(written).toContain(
      "Another writer's approval counts, or set `review.allow_pusher_approval: true`",
    );

    // The same review again: the status already says so, nothing is written.
    const again = githubApi({ owner: OWNER, repo: REPO });
    again.installationToken(INSTALLATION_ID);
    again.comments(1, [{ id: 900, user: { login: APP_LOGIN, type: 'Bot' }, body: written }]);
    again.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    again.config(undefined);
    again.reviews(PULL, [{ login: 'mallory', state: 'APPROVED', commit_id: HEAD }]);
    again.approvalChecksOn(HEAD);
    again.approvalCheck();
    await deliver('pull_request_review', review);
    expect(again.scope.isDone()).toBe(true);
    expect(statusWrites(again)).toEqual([]);
  });

  it('a head the task has no push recorded for needs a second writer’s approval while GitHub cannot say who pushed it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, ['maintainer'], { lastPush: { sha: 'd'.repeat(40), by: { kind: 'agent' } } });
    // The review's push guard: the unrecorded head is a person's push; GitHub is asked who made it.
    api.branchActivity(BRANCH, [], { status: 403 });
    api.permission('maintainer', 'write');
    api.updateComment(900);
    const review = webhookExample('pull_request_review', 'submitted');
    review.review.state = 'approved';
    review.review.user.login = 'maintainer';
    review.review.user.id = accountId('maintainer');
    review.sender.login = 'maintainer';
    review.sender.id = accountId('maintainer');
    review.pull_request.head.ref = BRANCH;

    await deliver('pull_request_review', review);

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(approvalCheckBody(api)?.output.summary).toContain(
      'One more approval from another writer is needed because GitHub could not say who pushed `ec26c3e`',
    );
    expect(lastMarker(api)).toMatchObject({ unvalidated_push: HEAD, foreign_pushes: [{ sha: HEAD }] });
  });
});
