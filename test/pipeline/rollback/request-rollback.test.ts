import { Octokit } from '@octokit/rest';
import { DEFAULT_CONFIG, type AgentConfig } from '../../../src/core/config/agent-config.js';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';
import { reasonCodeOf } from '../../../src/core/outcome/outcome-reason-code.js';
import { OUTCOME_RESULT_VERSION } from '../../../src/core/outcome/outcome-result.js';
import { redactedOutcomeResult } from '../../../src/core/outcome/redacted-outcome-result.js';
import { isFailureOutcome } from '../../../src/core/outcome/task-outcome.js';
import type { TaskClient } from '../../../src/github/task-client.js';
import type { TaskEventDependencies } from '../../../src/pipeline/events/task-event-dependencies.js';
import { requestRollback, type RollbackRequest } from '../../../src/pipeline/rollback/request-rollback.js';
import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';
import { signedDeploymentPayload } from '../../fixtures/signed-deployment-payload.js';
import { APP_LOGIN, TEST_MARKER_KEYS } from '../../entry/app/agent-status.js';
import { githubApi } from '../../entry/app/github-api.js';

/*
 * The rollback use case called directly, as a REST or Action channel would: plain inputs, no
 * comment event and nothing to answer with. Each test is one reason code of its outcome.
 */

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const GOOD = '1'.repeat(40);
const CURRENT = '3'.repeat(40);
const COMMENT_ID = 777;

const current = {
  id: 502,
  sha: CURRENT,
  created_at: '2026-11-24T12:00:00Z',
  payload: deploymentPayloadFor(CURRENT, { branch: 'master' }),
  states: ['success', 'in_progress'],
};
const good = {
  id: 501,
  sha: GOOD,
  created_at: '2026-11-24T10:00:00Z',
  payload: deploymentPayloadFor(GOOD, { branch: 'master' }),
  states: ['inactive', 'success'],
};

/** The agent's signed payload of a deployment made for the comment `commentId`. */
function signedClaim(commentId: number) {
  return signedDeploymentPayload({
    payload: { ...deploymentPayloadFor(GOOD), command_comment_id: commentId },
    sha: 'c'.repeat(40),
    environment: 'staging',
    markerKeys: TEST_MARKER_KEYS,
  });
}

function configOf(yaml: string): AgentConfig {
  const result = parseAgentConfig(yaml);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

/** A real Octokit over nock: the same HTTP the app's client makes, with no channel around it. */
function dependencies(): TaskEventDependencies & { lines: string[] } {
  const lines: string[] = [];
  return {
    client: new Octokit({ auth: 'ghs_test', request: { retries: 0 } }) as unknown as TaskClient,
    trust: { identity: async () => APP_LOGIN, keys: TEST_MARKER_KEYS },
    repositoryId: 4242,
    providerFor: () => {
      throw new Error('a rollback generates nothing');
    },
    log: (line) => lines.push(line),
    lines,
  };
}

function request(overrides: Partial<RollbackRequest> = {}): RollbackRequest {
  return {
    repository: { owner: OWNER, repo: REPO, defaultBranch: 'master' },
    environment: 'staging',
    requester: { login: 'octocat', permission: 'write' },
    trigger: { commentId: COMMENT_ID },
    requestedAt: '2026-11-24T13:00:00Z',
    ...overrides,
  };
}

async function rollBack(params: {
  api: ReturnType<typeof githubApi>;
  config?: AgentConfig;
  request?: Partial<RollbackRequest>;
}) {
  const outcome = await requestRollback({
    deps: dependencies(),
    config: params.config ?? DEFAULT_CONFIG,
    request: request(params.request),
  });
  expect(params.api.scope.isDone()).toBe(true);
  const created = params.api.calls.find(
    (call) => call.method === 'POST' && call.path.endsWith('/deployments'),
  );
  return { outcome, created: created?.body, reasonCode: reasonCodeOf(outcome) };
}

describe('requestRollback, with plain inputs', () => {
  it('rollback_requested: redeploys the last good deployment, keyed by the trigger, with a message to render', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('staging', [current, good]);
    api.createDeployment(503);

    const { outcome, created, reasonCode } = await rollBack({ api });

    expect(reasonCode).toBe('rollback_requested');
    expect(outcome).toEqual({
      status: 'deployment_created',
      reasonCode: 'rollback_requested',
      deploymentId: 503,
      environment: 'staging',
      sha: GOOD,
      dryRun: false,
      message: expect.stringContaining(
        'Rolling **staging** back to `1111111` (deployment 501, replacing deployment 502) as deployment 503',
      ),
    });
    expect(created).toMatchObject({
      ref: GOOD,
      environment: 'staging',
      payload: {
        rollback_of: 502,
        rollback_to: 501,
        requested_by: 'octocat',
        command_comment_id: COMMENT_ID,
      },
    });
    // Nothing is posted: rendering is the channel's.
    expect(api.calls.some((call) => call.path.includes('/comments'))).toBe(false);
  });

  it('rollback_requested in production: the message says why git could not be made to match', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('production', [current, good]);
    api.createDeployment(503);
    // The rolled-back sha is on the default branch, but its change is more than compare lists.
    api.compare(`${CURRENT}...master`, { status: 'ahead' });
    const files = Array.from({ length: 300 }, (_, index) => ({
      filename: `f${index}.ts`,
      status: 'modified',
    }));
    api.compare(`${GOOD}...${CURRENT}`, { status: 'ahead', files });

    const { outcome } = await rollBack({ api, request: { environment: 'production' } });

    expect(outcome).toMatchObject({
      status: 'deployment_created',
      reasonCode: 'rollback_requested',
      message: expect.stringContaining(
        '⚠️ To keep git matching what runs, the rolled-back change should be reverted on the default branch: ' +
          "the change touches 300 files or more, more than GitHub's compare lists",
      ),
    });
    expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/pulls'))).toBe(false);
  });

  it('already_handled: a second handling of the same trigger finds the first deployment and creates none', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments([
      { id: 503, created_at: '2026-11-24T13:00:05Z', payload: signedClaim(COMMENT_ID) },
    ]);

    const { outcome, created } = await rollBack({ api });

    expect(outcome).toEqual({
      status: 'ignored',
      reasonCode: 'already_handled',
      reason: `comment ${COMMENT_ID} (\`/rollback\`) was already carried out as deployment 503 to staging`,
    });
    expect(created).toBeUndefined();
  });

  it('a deployment naming the trigger without the agent’s signature does not count as handled', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const unsigned = { ...deploymentPayloadFor(GOOD), command_comment_id: COMMENT_ID };
    api.commandDeployments([{ id: 503, created_at: '2026-11-24T13:00:05Z', payload: unsigned }]);
    api.deployments('staging', [current, good]);
    api.createDeployment(504);

    const { outcome } = await rollBack({ api });

    expect(outcome).toMatchObject({ status: 'deployment_created', deploymentId: 504 });
  });

  it('no_rollback_target: one deployment has nothing before it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('staging', [current]);

    const { outcome, created } = await rollBack({ api });

    expect(outcome).toMatchObject({ status: 'refused', reasonCode: 'no_rollback_target' });
    expect(created).toBeUndefined();
  });

  it('environment_not_configured: history alone does not make an environment one the config deploys to', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('qa', [current, good]);

    const { outcome, created } = await rollBack({ api, request: { environment: 'qa' } });

    expect(outcome).toEqual({
      status: 'refused',
      reasonCode: 'environment_not_configured',
      message: '`qa` is not a configured environment.',
    });
    expect(created).toBeUndefined();
  });

  it('branch_not_recorded: allowed_refs cannot be checked against a deployment that recorded no branch', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('staging', [current, { ...good, payload: deploymentPayloadFor(GOOD) }]);
    const config = configOf('environments:\n  staging:\n    allowed_refs: [master]\n');

    const { outcome, created } = await rollBack({ api, config });

    expect(outcome).toMatchObject({
      status: 'refused',
      reasonCode: 'branch_not_recorded',
      message: expect.stringContaining('Deployment 501 (`1111111`) records no branch'),
    });
    expect(created).toBeUndefined();
  });

  it('deploy_rule_not_met: the use case checks the requester itself, whatever the channel checked before', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('staging', [current, good]);

    const { outcome, created } = await rollBack({
      api,
      request: { requester: { login: 'octocat', permission: 'read' } },
    });

    expect(outcome).toMatchObject({
      status: 'refused',
      reasonCode: 'deploy_rule_not_met',
      message: expect.stringContaining('(rule `permission`), and your permission is **read**'),
    });
    expect(created).toBeUndefined();
  });

  it('deploy_rule_not_met: a requester with write access who is not among the deployers', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('staging', [current, good]);
    const config = configOf('environments:\n  staging:\n    deployers: [hubot]\n');

    const { outcome, created } = await rollBack({ api, config });

    expect(outcome).toMatchObject({ status: 'refused', reasonCode: 'deploy_rule_not_met' });
    expect(created).toBeUndefined();
  });

  it('branch_no_longer_contains_sha: the recorded branch was rewritten since', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('staging', [current, good]);
    api.compare(`${GOOD}...master`, { status: 'diverged' });
    const config = configOf('environments:\n  staging:\n    allowed_refs: [master]\n');

    const { outcome, created } = await rollBack({ api, config });

    expect(outcome).toMatchObject({
      status: 'refused',
      reasonCode: 'branch_no_longer_contains_sha',
      message: expect.stringContaining('from `master`, which no longer contains it'),
    });
    expect(created).toBeUndefined();
  });

  it('not_agent_deployment: a target whose payload holds no stack or template cannot be redeployed exactly', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('staging', [current, { ...good, payload: {} }]);

    const { outcome, created } = await rollBack({ api });

    expect(outcome).toMatchObject({
      status: 'refused',
      reasonCode: 'not_agent_deployment',
      message: expect.stringContaining('Deployment 501 was not made by implementation-agent'),
    });
    expect(created).toBeUndefined();
  });

  // Deliberately changed (issue #10): an unstartable rollback was a bare `failed`, which reads as
  // the task's failure; like an unstartable deploy it is the environment's `deploy_failed`.
  it('rollback_unstartable: made with a GITHUB_TOKEN, the deployment is ended and the rollback (not the task) fails', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.commandDeployments();
    api.deployments('staging', [current, good]);
    api.createDeployment(503, 'github-actions[bot]');
    api.deploymentStatus(503);

    const { outcome } = await rollBack({ api, request: { target: { kind: 'sha', sha: '1111111' } } });

    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      reasonCode: 'rollback_unstartable',
      deploymentId: 503,
      message: expect.stringContaining('comment `/rollback staging to 1111111` again'),
    });
    // Only the new deployment is ended: the one rolled back from is not touched.
    expect(
      api.calls
        .filter((call) => call.method === 'POST' && call.path.includes('/statuses'))
        .map((call) => call.path),
    ).toEqual([expect.stringMatching(/\/deployments\/503\/statuses$/)]);
    // The Action's `result` output carries the same status, reason code and deployment.
    expect(await redactedOutcomeResult(outcome)).toMatchObject({
      version: OUTCOME_RESULT_VERSION,
      status: 'deploy_failed',
      reasonCode: 'rollback_unstartable',
      deploymentId: 503,
      message: expect.stringContaining('nothing was deployed'),
    });
    expect(isFailureOutcome(outcome)).toBe(true);
    expect(api.calls.find((call) => call.path.endsWith('/deployments/503/statuses'))?.body).toMatchObject({
      state: 'error',
    });
  });
});
