import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { agentDeployInputs, agentDeploymentEvent } from '../../fixtures/agent-deployment-event.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_answersProcessToken789';
const MARKER_SECRET = 'marker-secret-for-the-answers-tests';
const SHA = 'a'.repeat(40);
const CONFIG = 'GET /contents/.github/implementation-agent.yml';

function deploymentEvent() {
  const payload = {
    version: 1,
    task_id: 'Codertocat/Hello-World#1',
    stack_name: 'orders-api-staging',
    template_path: 'services/orders-api/template.yaml',
    region: 'ap-southeast-2',
    parameters: {},
    checked_sha: SHA,
    requested_by: 'Codertocat',
    pull_number: 42,
    dry_run: false,
  };
  return agentDeploymentEvent({ id: 7001, sha: SHA, environment: 'staging', payload, secret: MARKER_SECRET });
}

function controlEvent(command: 'cancel' | 'unlock') {
  const payload = webhookExample('repository_dispatch');
  payload.action = 'implementation-control';
  payload.repository.name = 'Hello-World';
  payload.repository.full_name = 'Codertocat/Hello-World';
  payload.repository.owner.login = 'Codertocat';
  payload.client_payload = {
    version: 1,
    command,
    environment: 'staging',
    issue_number: 42,
    requested_by: 'Codertocat',
    region: 'ap-southeast-2',
  };
  return payload;
}

/** AWS pointed at a closed port: any call the run made would fail loudly rather than reach AWS. */
const NO_AWS = {
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'ap-southeast-2',
};

describe('the built Action ends every path with a final status and an answer', () => {
  let github: Awaited<ReturnType<typeof startGitHubFake>> | undefined;
  afterEach(async () => github?.close());

  it('ends the deployment in error, saying why, when the config cannot be read (403)', async () => {
    github = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      refuse: { [CONFIG]: 403 },
    });

    const run = await runAction({
      apiUrl: github.url,
      eventName: 'deployment',
      payload: deploymentEvent(),
      inputs: { token: TOKEN, mode: 'deploy', ...agentDeployInputs(MARKER_SECRET) },
      env: NO_AWS,
    });

    expect(run.code).toBe(1);
    expect(github.deploymentStatuses).toEqual([
      expect.objectContaining({
        deploymentId: 7001,
        state: 'error',
        description: expect.stringContaining("GitHub refused the workflow's token (403"),
        log_url: expect.stringContaining('/actions/runs/'),
      }),
    ]);
    expect(run.stdout).toContain('implementation-agent stopped');
  });

  it.each(['cancel', 'unlock'] as const)(
    'answers /%s staging on its pull request when the config cannot be read',
    async (command) => {
      github = await startGitHubFake({
        owner: 'Codertocat',
        repo: 'Hello-World',
        defaultBranch: 'master',
        refuse: { [CONFIG]: 403 },
      });

      const run = await runAction({
        apiUrl: github.url,
        eventName: 'repository_dispatch',
        payload: controlEvent(command),
        inputs: { token: TOKEN, mode: 'deploy' },
        env: NO_AWS,
      });

      expect(run.code).toBe(1);
      expect(github.comments.map((comment) => comment.body)).toEqual([
        expect.stringContaining(
          `@Codertocat, implementation-agent stopped on an internal error while handling \`/${command} staging\``,
        ),
      ]);
    },
  );

  it('answers /cancel staging with the config problems when the config is invalid', async () => {
    github = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      config: 'environments:\n  staging: { stack_nmae: x }\n',
    });

    const run = await runAction({
      apiUrl: github.url,
      eventName: 'repository_dispatch',
      payload: controlEvent('cancel'),
      inputs: { token: TOKEN, mode: 'deploy' },
      env: NO_AWS,
    });

    expect(run.code).toBe(1);
    expect(github.comments[0]?.body).toMatch(
      /^`\/cancel staging` was not carried out: `.github\/implementation-agent.yml` on the default branch cannot be used\.\n\n- .*stack_nmae/,
    );
  });

  it("ends a /deploy made with the workflow's GITHUB_TOKEN at once and says no run will carry it out", async () => {
    github = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin' },
      pulls: [{ number: 42, head: { sha: SHA, ref: 'implementation/1-orders-api' } }],
    });
    github.comments.push({
      id: 900,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      body: renderStatusComment({
        marker: {
          task_id: 'Codertocat/Hello-World#1',
          state: 'pr_open',
          attempt: 1,
          cost_usd: 0,
          branch: 'implementation/1-orders-api',
          pull_number: 42,
          template_path: 'services/orders-api/template.yaml',
          updated_at: '2026-11-24T09:00:00Z',
        },
        // Under GITHUB_TOKEN only a signed status decides a deploy.
        signingKey: (markerKeysFrom({ secret: MARKER_SECRET }) as MarkerKeys).current,
      }),
    });
    const payload = webhookExample('issue_comment', 'created');
    payload.issue.number = 42;
    payload.issue.pull_request = { url: `${github.url}/repos/Codertocat/Hello-World/pulls/42` };
    payload.comment.body = '/deploy staging';
    payload.comment.created_at = '2026-11-24T10:00:00Z';

    const run = await runAction({
      apiUrl: github.url,
      eventName: 'issue_comment',
      payload,
      inputs: { token: TOKEN, 'marker-secret': MARKER_SECRET },
    });

    expect(run.code).toBe(1);
    expect(github.deployments).toHaveLength(1);
    expect(github.deploymentStatuses).toEqual([
      expect.objectContaining({ deploymentId: github.deployments[0]?.id, state: 'error' }),
    ]);
    const reply = github.comments.at(-1)?.body ?? '';
    expect(reply).toContain("was created with the workflow's `GITHUB_TOKEN` (as github-actions[bot])");
    expect(reply).toContain('comment `/deploy staging` again');
    // A deploy that cannot start is the environment's failed deploy (`deployment_unstartable`), not
    // the task's failure.
    expect(run.outputs.status).toBe('deploy_failed');
  });
});
