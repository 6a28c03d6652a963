import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// #9: a writer's request for changes turns an automated task's auto-merge off, but nothing turned
// it on again once the request was lifted — dismissed, or superseded by that reviewer's approval —
// so the PR waited for a person although automated mode asks for none (DESIGN §4). Once no counted
// request for changes stands, the head carries the agent's passing validation and the task still
// runs automated at low risk, the review's sync turns it on again, once, and the status says so.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

type Api = ReturnType<typeof githubApi>;

const marker = (patch: Partial<TaskMarker> = {}): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'changes_requested',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  environment: 'staging',
  requester: 'requester-dev',
  effective_mode: 'automated',
  risk_level: 'low',
  auto_merge_held: true,
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  updated_at: '2026-11-29T10:00:00.000Z',
  ...patch,
});

/** The real `pull_request_review.dismissed` payload, on the task's branch. */
function dismissed() {
  const payload = webhookExample('pull_request_review', 'dismissed');
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

/** The real `pull_request_review.submitted` payload: `reviewer`'s approval, on the task's branch. */
function approvedBy(reviewer: string) {
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.pull_request.head.ref = BRANCH;
  payload.review.state = 'approved';
  payload.review.user = { ...payload.review.user, login: reviewer };
  payload.sender.login = reviewer;
  return payload;
}

/** The sync's reads: the task, the pull request, the config, the reviews (and each verdict's author's permission). */
function expectSync(
  api: Api,
  status: TaskMarker,
  reviews: Array<{ login: string; state: string; commit_id?: string }>,
  head = HEAD,
) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: head, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    reviews.map((review) => ({ commit_id: head, ...review })),
  );
}

/** The head's checks: the agent's own validation check, as it published it on its commit. */
function expectValidatedHead(api: Api, conclusion = 'success', head = HEAD) {
  api.checkRunsFor(head, [{ name: 'implementation-agent', status: 'completed', conclusion }]);
  api.combinedStatus(head, []);
}

function expectEnable(api: Api) {
  api.scope
    .post(
      '/graphql',
      (body: { query: string; variables: { pullRequestId: string; mergeMethod: string } }) =>
        body.query.includes('enablePullRequestAutoMerge') &&
        body.variables.pullRequestId === `PR_kwDOABCD${PULL}` &&
        body.variables.mergeMethod === 'SQUASH',
    )
    .reply(200, {
      data: {
        enablePullRequestAutoMerge: {
          pullRequest: {
            number: PULL,
            autoMergeRequest: { enabledAt: '2026-11-29T12:00:00Z', mergeMethod: 'SQUASH' },
          },
        },
      },
    });
}

const graphqlCalls = (api: Api, mutation: string) =>
  api.calls.filter((call) => call.path === '/graphql' && String(call.body.query).includes(mutation));
const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
const lastStatus = (api: Api) => String(statusWrites(api).at(-1)?.body.body ?? '');

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
}

describe('Probot app: auto-merge comes back once a request for changes is lifted', () => {
  it('FAULT: the request dismissed: auto-merge is turned on again, the hold dropped, and the status says so', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(), [{ login: 'reviewer-bob', state: 'DISMISSED' }]);
    expectValidatedHead(api);
    expectEnable(api);
    api.updateComment(900);

    await deliver(dismissed());

    expect(api.scope.isDone()).toBe(true);
    expect(graphqlCalls(api, 'enablePullRequestAutoMerge')).toHaveLength(1);
    const status = lastStatus(api);
    expect(readStateMarker(status)?.marker).toMatchObject({ state: 'pr_open', effective_mode: 'automated' });
    expect(readStateMarker(status)?.marker.auto_merge_held).toBeUndefined();
    expect(status).toContain('No request for changes stands any more');
    expect(status).toContain('Auto-merge is on (squash)');
  });

  // Review #9e: the delivered dismissal counts before GitHub's list shows it.
  it('the dismissal delivered while the list still shows the request (the same review id): turned on again', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(), [{ login: 'reviewer-bob', state: 'CHANGES_REQUESTED' }]);
    expectValidatedHead(api);
    expectEnable(api);
    api.updateComment(900);
    const payload = dismissed();
    // The fake lists reviews with ids from 1: the delivery dismisses that one.
    payload.review.id = 1;
    payload.review.user = { ...payload.review.user, login: 'reviewer-bob' };

    await deliver(payload);

    expect(api.scope.isDone()).toBe(true);
    expect(graphqlCalls(api, 'enablePullRequestAutoMerge')).toHaveLength(1);
    expect(readStateMarker(lastStatus(api))?.marker.auto_merge_held).toBeUndefined();
  });

  it('FAULT: the request superseded by the same reviewer’s approval: turned on again, the task approved', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(), [
      { login: 'reviewer-bob', state: 'CHANGES_REQUESTED' },
      { login: 'reviewer-bob', state: 'APPROVED' },
    ]);
    api.permission('reviewer-bob', 'write');
    expectValidatedHead(api);
    expectEnable(api);
    api.updateComment(900);

    await deliver(approvedBy('reviewer-bob'));

    expect(api.scope.isDone()).toBe(true);
    expect(graphqlCalls(api, 'enablePullRequestAutoMerge')).toHaveLength(1);
    expect(readStateMarker(lastStatus(api))?.marker.state).toBe('approved');
    expect(lastStatus(api)).toContain('Auto-merge is on (squash)');
  });

  it('the agent’s feedback commit, approved by the reviewer who asked for changes: turned on again on that commit', async () => {
    // The agent answered the request with its own commit (low risk, every gate passed): the request
    // stood until the reviewer looked at that commit.
    const fixed = 'c'.repeat(40);
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(
      api,
      marker({ attempt: 2, feedback_iterations: 1, last_push: { sha: fixed, by: { kind: 'agent' } } }),
      [
        { login: 'reviewer-bob', state: 'CHANGES_REQUESTED', commit_id: HEAD },
        { login: 'reviewer-bob', state: 'APPROVED', commit_id: fixed },
      ],
      fixed,
    );
    api.permission('reviewer-bob', 'write');
    expectValidatedHead(api, 'success', fixed);
    expectEnable(api);
    api.updateComment(900);

    await deliver(approvedBy('reviewer-bob'));

    expect(api.scope.isDone()).toBe(true);
    expect(graphqlCalls(api, 'enablePullRequestAutoMerge')).toHaveLength(1);
    expect(readStateMarker(lastStatus(api))?.marker).toMatchObject({
      state: 'approved',
      effective_mode: 'automated',
    });
    expect(lastStatus(api)).toContain('Approved by @reviewer-bob at `ccccccc`');
  });

  it('a task whose status predates the hold (changes_requested, no auto_merge_held) is turned on again too', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const { auto_merge_held: _held, ...old } = marker();
    expectSync(api, old, [{ login: 'reviewer-bob', state: 'DISMISSED' }]);
    expectValidatedHead(api);
    expectEnable(api);
    api.updateComment(900);

    await deliver(dismissed());

    expect(api.scope.isDone()).toBe(true);
    expect(graphqlCalls(api, 'enablePullRequestAutoMerge')).toHaveLength(1);
  });

  it('the dismissal delivered again (the task re-armed) asks GitHub nothing and writes nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'pr_open', auto_merge_held: undefined }), [
      { login: 'reviewer-bob', state: 'DISMISSED' },
    ]);

    await deliver(dismissed());

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.path === '/graphql')).toEqual([]);
    expect(statusWrites(api)).toEqual([]);
  });

  it('another writer’s request still standing: one lifted, the other holds auto-merge off', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(), [
      { login: 'reviewer-bob', state: 'DISMISSED' },
      { login: 'reviewer-carol', state: 'CHANGES_REQUESTED' },
    ]);
    api.permission('reviewer-carol', 'write');

    await deliver(dismissed());

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.path === '/graphql')).toEqual([]);
    expect(statusWrites(api)).toEqual([]);
  });

  it('a task whose risk rose (fallen back to guided) stays guided: nothing is turned on', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ effective_mode: 'guided', risk_level: 'high' }), [
      { login: 'reviewer-bob', state: 'DISMISSED' },
    ]);
    api.approvalChecksOn(HEAD, []);
    api.approvalCheck();
    api.updateComment(900);

    await deliver(dismissed());

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.path === '/graphql')).toEqual([]);
    expect(readStateMarker(lastStatus(api))?.marker).toMatchObject({
      state: 'pr_open',
      effective_mode: 'guided',
    });
  });

  it('a task stopped with /cancel is never turned on again by a review, its hold and all', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'cancelled' }), [{ login: 'reviewer-bob', state: 'DISMISSED' }]);

    await deliver(dismissed());

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.path === '/graphql')).toEqual([]);
    expect(statusWrites(api)).toEqual([]);
  });

  it('a head without the agent’s passing validation stays held, the status saying why', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(), [{ login: 'reviewer-bob', state: 'DISMISSED' }]);
    expectValidatedHead(api, 'failure');
    api.updateComment(900);

    await deliver(dismissed());

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.path === '/graphql')).toEqual([]);
    expect(readStateMarker(lastStatus(api))?.marker).toMatchObject({
      state: 'pr_open',
      auto_merge_held: true,
    });
    expect(lastStatus(api)).toContain(
      "No request for changes stands any more, but auto-merge stays off: implementation-agent's validation failed on ec26c3e",
    );
  });

  it('a request for changes on a task already held turns nothing off again', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'pr_open' }), [{ login: 'reviewer-bob', state: 'CHANGES_REQUESTED' }]);
    api.permission('reviewer-bob', 'write');
    // Alice's approval the delivery carries counts before the list shows it: her permission is read.
    api.permission('reviewer-alice', 'write');
    api.updateComment(900);

    await deliver(approvedBy('reviewer-alice'));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.path === '/graphql')).toEqual([]);
    expect(readStateMarker(lastStatus(api))?.marker).toMatchObject({
      state: 'changes_requested',
      auto_merge_held: true,
    });
  });

  it('where the repository does not allow auto-merge, the head is judged for merge-when-green at once and merged', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // No target recorded: the merge is answered with why nothing was deployed.
    const { environment: _environment, ...untargeted } = marker();
    const lifted = [{ login: 'reviewer-bob', state: 'DISMISSED' }];
    expectSync(api, untargeted, lifted);
    expectValidatedHead(api);
    api.scope
      .post('/graphql', (body: { query: string }) => body.query.includes('enablePullRequestAutoMerge'))
      .reply(200, {
        errors: [{ type: 'UNPROCESSABLE', message: 'Auto merge is not allowed for this repository' }],
      });
    api.updateComment(900);
    // Merge-when-green: the CI on the head finished before the request was lifted, so no new
    // check_suite event would ever come; the judgement reads everything again.
    api.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/pulls`)
      .query({ per_page: '100' })
      .reply(200, [
        {
          number: PULL,
          state: 'open',
          head: { sha: HEAD, ref: BRANCH, repo: { full_name: `${OWNER}/${REPO}` } },
        },
      ]);
    const released = { ...untargeted, state: 'pr_open' as const, auto_merge_held: undefined };
    api.comments(1, [agentStatusComment({ marker: released })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    api.config(undefined);
    api.checkRunsFor(HEAD, [
      { name: 'implementation-agent', status: 'completed', conclusion: 'success' },
      { name: 'build', status: 'completed', conclusion: 'success' },
    ]);
    api.combinedStatus(HEAD, []);
    api.reviews(PULL, [{ login: 'reviewer-bob', state: 'DISMISSED', commit_id: HEAD }]);
    api.scope
      .put(`/repos/${OWNER}/${REPO}/pulls/${PULL}/merge`)
      .reply(200, { merged: true, sha: 'f'.repeat(40), message: 'Pull Request successfully merged' });
    // The merge brings the task up to date: merged, and the deploy on merge answers.
    api.comments(1, [agentStatusComment({ marker: released })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH, merged: true });
    api.config(undefined);
    api.updateComment(900);
    api.commandDeployments([]);
    api.checkRunsFor(HEAD, [{ name: 'implementation-agent', status: 'completed', conclusion: 'success' }]);
    api.combinedStatus(HEAD, []);
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver(dismissed());

    expect(api.scope.isDone()).toBe(true);
    const merges = api.calls.filter((call) => call.method === 'PUT' && call.path.endsWith('/merge'));
    expect(merges).toEqual([expect.objectContaining({ body: { sha: HEAD, merge_method: 'squash' } })]);
    const writes = statusWrites(api).map((call) => String(call.body.body));
    expect(writes[0]).toContain('Auto-merge is not allowed in this repository');
    expect(readStateMarker(writes.at(-1) ?? '')?.marker.state).toBe('merged');
  });
});
