/**
 * Attacker pass (review #10m) on the recent fix "an unstartable deploy → deploy_failed"
 * (src/pipeline/deploy/request-deployment.ts, the outcome `deploy_failed`/`deployment_unstartable`
 * recorded by the merge's move). Issue #10 keeps deploy state per environment (`deploying` →
 * `deployed` / `deploy_failed` / `rolled_back`, for staging, say): the record's `environments`
 * is what dashboards and the REST API read per environment. A deployment created for staging and
 * ended at once because no workflow run can start it leaves `environments.staging` unset: the
 * environment shows no deploy at all, only `last_outcome` (overwritten by the next step) says it
 * failed. A fault is `it.failing` asserting the right answer.
 */
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

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

/** After the rules allowed it: the environment's history, the deployment (ended at once), the answer. */
function expectDeploymentMade(api: Api, environment = 'staging') {
  api.deployments(environment, [], 10);
  api.createDeployment(7101, 'github-actions[bot]');
  api.deploymentStatus(7101);
  api.createComment(PULL, 950);
}

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request', payload);
  expect(errors).toEqual([]);
}

describe('review10m attacker: a deploy on merge no workflow run can start, per environment', () => {
  it('the environment keeps a deploy_failed state with the deployment id (not only last_outcome)', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated', 'pr_open'), undefined, APP_LOGIN);
    expectDeployFacts(api, { actor: 'requester-dev', mergedBy: APP_LOGIN });
    expectDeploymentMade(api);
    api.updateComment(900);

    await deliver(mergedEvent());

    const written = api.calls
      .filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'))
      .map((call) => parseStateMarker(String(call.body.body)));
    const last = written.at(-1);
    expect(last?.state).toBe('merged');
    expect(last?.environments?.['staging']).toMatchObject({ status: 'deploy_failed', deployment_id: 7101 });
  });
});
