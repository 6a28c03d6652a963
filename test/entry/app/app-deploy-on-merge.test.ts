import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, TEST_MARKER_KEYS } from './agent-status.js';
import { signedDeploymentPayload } from '../../fixtures/signed-deployment-payload.js';
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
function expectMerge(api: Api, status: TaskMarker, config?: string) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({
    number: PULL,
    headSha: HEAD,
    headRef: BRANCH,
    merged: true,
    mergedAt: MERGED_AT,
    mergedBy: MERGER,
  });
  api.config(config);
  api.updateComment(900);
}

/** What the deploy use case reads on a merged pull request: the same facts `/deploy` reads. */
function expectDeployFacts(
  api: Api,
  options: { checks?: Array<typeof GREEN>; statuses?: Array<{ context: string; state: string }> } = {},
) {
  api.commandDeployments([]);
  api.permission(MERGER, 'write');
  api.getPull({
    number: PULL,
    headSha: HEAD,
    headRef: BRANCH,
    merged: true,
    mergedAt: MERGED_AT,
    mergedBy: MERGER,
  });
  api.reviews(PULL, []);
  // The task's status, read before the rules: its requester is the review policy's.
  api.comments(1, [agentStatusComment({ marker: marker('automated', 'merged') })]);
  api.checkRunsFor(MERGE_SHA, options.checks ?? [GREEN]);
  api.combinedStatus(MERGE_SHA, options.statuses ?? []);
  api.deployments('staging', [], 10);
}

const deploymentsCreated = (api: Api) =>
  api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/deployments'));
const replyOnPull = (api: Api) =>
  api.calls.find((call) => call.method === 'POST' && call.path.endsWith(`/issues/${PULL}/comments`))?.body
    .body as string | undefined;

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request', payload);
  expect(errors).toEqual([]);
}

describe('Probot app: automated mode deploys what was merged through the deploy rules', () => {
  it('a merged automated PR creates one signed deployment of the merge commit to the target environment', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated'));
    expectDeployFacts(api);
    api.deployments('staging', [], 10);
    api.createDeployment(7101);
    api.createComment(PULL, 950);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    const created = deploymentsCreated(api);
    expect(created).toHaveLength(1);
    expect(created[0]?.body).toMatchObject({
      environment: 'staging',
      ref: MERGE_SHA,
      payload: expect.objectContaining({
        checked_sha: MERGE_SHA,
        requested_by: MERGER,
        pull_number: PULL,
        branch: 'master',
        merge_of: PULL,
        signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    });
    expect(created[0]?.body.payload).not.toHaveProperty('command_comment_id');
    expect(replyOnPull(api)).toContain(
      'Merged in automated mode. 🚀 Deploying `fffffff` (PR #2) to **staging**',
    );
  });

  it('refuses with a clear answer when the merge commit’s checks fail, and deploys nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const config = 'environments:\n  staging:\n    requires_green_checks: true\n';
    expectMerge(api, marker('automated'), config);
    expectDeployFacts(api, {
      checks: [GREEN],
      statuses: [{ context: 'continuous-integration/jenkins', state: 'failure' }],
    });
    api.createComment(PULL, 950);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    const answer = replyOnPull(api);
    expect(answer).toContain('#2 was merged in automated mode, but nothing was deployed to `staging`');
    expect(answer).toContain('rule `green-checks`');
    expect(answer).toContain('`continuous-integration/jenkins`');
  });

  it('a redelivered merge finds the deployment its first handling made and deploys nothing more', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: marker('automated', 'merged') })]);
    api.getPull({
      number: PULL,
      headSha: HEAD,
      headRef: BRANCH,
      merged: true,
      mergedAt: MERGED_AT,
      mergedBy: MERGER,
    });
    api.config(undefined);
    const payload = signedDeploymentPayload({
      payload: { version: 1, task_id: `${OWNER}/${REPO}#1`, merge_of: PULL },
      sha: 'c'.repeat(40),
      environment: 'staging',
      markerKeys: TEST_MARKER_KEYS,
    });
    api.commandDeployments([
      { id: 7101, created_at: '2026-11-24T09:30:05Z', payload, environment: 'staging' },
    ]);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    expect(api.calls.filter((call) => call.method !== 'GET' && !call.path.includes('access_tokens'))).toEqual(
      [],
    );
  });

  it.each(['guided', 'manual'] as const)(
    'a merged %s PR moves the task to merged and deploys nothing',
    async (mode) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectMerge(api, marker(mode));

      await deliver(mergedEvent());

      expect(api.scope.isDone()).toBe(true);
      expect(deploymentsCreated(api)).toEqual([]);
      expect(replyOnPull(api)).toBeUndefined();
    },
  );
});
