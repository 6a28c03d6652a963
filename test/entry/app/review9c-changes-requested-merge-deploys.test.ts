import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9c: "a reviewer can steer the PR with reviews alone" (issue #9, Done when). On an
// automated task a writer's request for changes moves the task to `changes_requested`, and
// merge-when-green refuses to merge past it (`decideMergeWhenGreen`), but GitHub's auto-merge the
// agent armed is left on (nothing calls `disarmAutoMerge` on a request for changes), GitHub merges
// on green checks, and `deployOnMerge` deploys: its rules read the reviews but only count a request
// for changes where the environment requires approval. The reviewer's "this is wrong" is merged and
// deployed to staging.

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch and merged.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const MERGE_SHA = 'f'.repeat(40);
const MERGED_AT = '2026-11-24T09:30:00Z';
const MERGER = 'maintainer';
const GREEN = { name: 'build', status: 'completed', conclusion: 'success' };

type Api = ReturnType<typeof githubApi>;

const marker = (mode: TaskMarker['effective_mode'], state: TaskMarker['state'] = 'pr_open'): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state,
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  template_path: 'services/orders-api/template.yaml',
  environment: 'staging',
  requester: 'requester-dev',
  ...(mode === undefined ? {} : { effective_mode: mode, risk_level: mode === 'automated' ? 'low' : 'high' }),
  // The head the agent published (a review of a head it never recorded is a person's push first).
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  updated_at: '2026-11-24T09:00:00.000Z',
});

/** A real `pull_request.closed` payload; `merged` and the branch are the fields a merged task PR changes. */
function mergedEvent() {
  const payload = webhookExample('pull_request', 'closed');
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.merged = true;
  return payload;
}

/** The sync's reads and the move to `merged`: the task's status, the pull request, the config. */
function expectMerge(api: Api, status: TaskMarker, config?: string, mergedBy = MERGER) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH, merged: true, mergedAt: MERGED_AT, mergedBy });
  api.config(config);
  api.updateComment(900);
}

/** The merged head carries the agent's passing validation check: it is the agent's own commit. */
function expectValidatedHead(api: Api) {
  api.checkRunsFor(HEAD, [{ name: 'implementation-agent', status: 'completed', conclusion: 'success' }]);
  api.combinedStatus(HEAD, []);
}

/** What the deploy use case reads on a merged pull request: the same facts `/deploy` reads. */
function expectDeployFacts(
  api: Api,
  options: {
    reviews?: Array<{ login: string; state: string; commit_id: string }>;
    checks?: Array<typeof GREEN>;
    statuses?: Array<{ context: string; state: string }>;
    /** Whose permission the deploy asks for: the merger's, or the requester's when the agent merged. */
    actor?: string;
    mergedBy?: string;
    environment?: string;
  } = {},
) {
  api.commandDeployments([]);
  expectValidatedHead(api);
  api.permission(options.actor ?? MERGER, 'write');
  api.getPull({
    number: PULL,
    headSha: HEAD,
    headRef: BRANCH,
    merged: true,
    mergedAt: MERGED_AT,
    mergedBy: options.mergedBy ?? MERGER,
  });
  api.reviews(PULL, options.reviews ?? []);
  // The task's status, read before the rules: its requester is the review policy's.
  api.comments(1, [agentStatusComment({ marker: marker('automated', 'merged') })]);
  api.checkRunsFor(MERGE_SHA, options.checks ?? [GREEN]);
  api.combinedStatus(MERGE_SHA, options.statuses ?? []);
  api.deployments(options.environment ?? 'staging', [], 10);
}

/**
 * After the rules allowed it: the environment's history, the deployment, the answer (the task's
 * status, read with the facts, is not read again).
 */
function expectDeploymentMade(api: Api, environment = 'staging') {
  api.deployments(environment, [], 10);
  api.createDeployment(7101);
  api.createComment(PULL, 950);
}

const deploymentsCreated = (api: Api) =>
  api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/deployments'));

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request', payload);
  expect(errors).toEqual([]);
}

const REQUEST_FOR_CHANGES = [{ login: 'reviewer-bob', state: 'CHANGES_REQUESTED', commit_id: HEAD }];

describe('review #9c attacks: an automated PR merged over a standing request for changes', () => {
  it('FAULT: a writer’s standing request for changes stops the deploy of an automated PR that GitHub’s auto-merge merged', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // GitHub's auto-merge, armed by the agent, merged it: GitHub records the agent as the merger.
    expectMerge(api, marker('automated', 'changes_requested'), undefined, APP_LOGIN);
    expectDeployFacts(api, { actor: 'requester-dev', mergedBy: APP_LOGIN, reviews: REQUEST_FOR_CHANGES });
    api.permission('reviewer-bob', 'write');
    expectDeploymentMade(api);
    // The refusal is recorded on the task's status, so a redelivery answers nothing more.
    api.updateComment(900);

    await deliver(mergedEvent());

    expect(deploymentsCreated(api)).toEqual([]);
    const answered = api.calls.find(
      (call) => call.method === 'POST' && call.path.endsWith(`/issues/${PULL}/comments`),
    );
    expect(String(answered?.body.body)).toContain(
      '@reviewer-bob asked for changes and that request still stands',
    );
    expect(String(answered?.body.body)).toContain('`/deploy staging`');
  });

  it.each([
    [
      'superseded by that reviewer’s approval',
      [
        { login: 'reviewer-bob', state: 'CHANGES_REQUESTED', commit_id: HEAD },
        { login: 'reviewer-bob', state: 'APPROVED', commit_id: HEAD },
      ],
    ],
    ['dismissed', [{ login: 'reviewer-bob', state: 'DISMISSED', commit_id: HEAD }]],
  ])('a request for changes %s does not stop the deploy on merge', async (_how, reviews) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated', 'approved'), undefined, APP_LOGIN);
    expectDeployFacts(api, { actor: 'requester-dev', mergedBy: APP_LOGIN, reviews });
    api.permission('reviewer-bob', 'write');
    expectDeploymentMade(api);

    await deliver(mergedEvent());

    expect(deploymentsCreated(api)).toHaveLength(1);
  });

  it('a request for changes from a reader (no write access) does not stop the deploy on merge', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated', 'pr_open'), undefined, APP_LOGIN);
    expectDeployFacts(api, { actor: 'requester-dev', mergedBy: APP_LOGIN, reviews: REQUEST_FOR_CHANGES });
    api.permission('reviewer-bob', 'read');
    expectDeploymentMade(api);

    await deliver(mergedEvent());

    expect(deploymentsCreated(api)).toHaveLength(1);
  });

  it('control: the same merge with no request for changes deploys', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated', 'pr_open'), undefined, APP_LOGIN);
    expectDeployFacts(api, { actor: 'requester-dev', mergedBy: APP_LOGIN });
    expectDeploymentMade(api);

    await deliver(mergedEvent());

    expect(deploymentsCreated(api)).toHaveLength(1);
  });
});

describe('review #9c: a request for changes on an automated PR turns GitHub’s auto-merge off', () => {
  /** A real `pull_request_review.submitted` payload: another writer's approval, on the task's branch. */
  function approvedReview() {
    const payload = webhookExample('pull_request_review', 'submitted');
    payload.pull_request.head.ref = BRANCH;
    payload.review.state = 'approved';
    payload.review.user = { ...payload.review.user, login: 'reviewer-alice' };
    return payload;
  }

  function expectSync(api: Api, status: TaskMarker) {
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: status })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    api.config(undefined);
    api.reviews(PULL, [
      { login: 'reviewer-bob', state: 'CHANGES_REQUESTED', commit_id: HEAD },
      { login: 'reviewer-alice', state: 'APPROVED', commit_id: HEAD },
    ]);
    api.permission('reviewer-bob', 'write');
    api.permission('reviewer-alice', 'write');
  }

  const disarmCalls = (api: Api) =>
    api.calls.filter(
      (call) => call.path === '/graphql' && String(call.body.query).includes('disablePullRequestAutoMerge'),
    );

  it('the task moves to changes_requested, auto-merge is turned off and the status says why', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker('automated', 'pr_open'));
    api.scope
      .post('/graphql', (body: { query: string }) => body.query.includes('disablePullRequestAutoMerge'))
      .reply(200, { data: { disablePullRequestAutoMerge: { pullRequest: { number: PULL } } } });
    api.updateComment(900);

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', approvedReview());
    expect(errors).toEqual([]);

    expect(disarmCalls(api)).toHaveLength(1);
    const status = api.calls.find((call) => call.method === 'PATCH' && call.path.endsWith('/comments/900'));
    const body = String(status?.body.body);
    expect(body).toContain('@reviewer-bob requested changes on pull request #2.');
    expect(body).toContain('Auto-merge is off');
    expect(body).toContain('does not merge past a standing request for changes');
  });

  it('a task whose hold GitHub confirmed (a redelivery) does not turn it off again', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, { ...marker('automated', 'changes_requested'), auto_merge_held: true });

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', approvedReview());
    expect(errors).toEqual([]);

    expect(disarmCalls(api)).toEqual([]);
  });

  it('a task at changes_requested without a confirmed hold (an older marker, a failed turn-off) asks GitHub again, and holds once it answers', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker('automated', 'changes_requested'));
    api.scope
      .post('/graphql', (body: { query: string }) => body.query.includes('disablePullRequestAutoMerge'))
      .reply(200, { data: { disablePullRequestAutoMerge: { pullRequest: { number: PULL } } } });
    api.updateComment(900);

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', approvedReview());
    expect(errors).toEqual([]);

    expect(disarmCalls(api)).toHaveLength(1);
    const status = api.calls.find((call) => call.method === 'PATCH' && call.path.endsWith('/comments/900'));
    expect(parseStateMarker(String(status?.body.body))?.auto_merge_held).toBe(true);
  });

  it('a guided task’s request for changes calls no GraphQL: there is no auto-merge to turn off', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker('guided', 'pr_open'));
    api.approvalChecksOn(HEAD);
    api.approvalCheck();
    api.updateComment(900);

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', approvedReview());
    expect(errors).toEqual([]);

    expect(disarmCalls(api)).toEqual([]);
  });
});
