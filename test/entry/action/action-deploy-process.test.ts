import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agentDeployInputs, agentDeploymentEvent } from '../../fixtures/agent-deployment-event.js';
import { startCloudFormationFake } from '../../support/cloudformation-fake-server.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_deployProcessToken456';
const SHA = 'a'.repeat(40);
const TEMPLATE = 'services/orders-api/template.yaml';
const SECRET = 'deploy-process-marker-secret';

/** Deployment 7001 of PR 42 to staging, as the agent made and signed it. */
function deploymentEvent(overrides: Record<string, unknown> = {}) {
  const payload = {
    version: 1,
    task_id: 'Codertocat/Hello-World#1',
    stack_name: 'orders-api-staging',
    template_path: TEMPLATE,
    region: 'ap-southeast-2',
    parameters: { Stage: 'staging' },
    checked_sha: SHA,
    requested_by: 'Codertocat',
    pull_number: 42,
    dry_run: false,
    ...overrides,
  };
  return agentDeploymentEvent({ id: 7001, sha: SHA, environment: 'staging', payload, secret: SECRET });
}

describe('the built Action in mode deploy, run as a process on a deployment event', () => {
  let github: Awaited<ReturnType<typeof startGitHubFake>>;
  let cloudformation: Awaited<ReturnType<typeof startCloudFormationFake>> | undefined;
  let storeDir: string;
  beforeEach(async () => {
    storeDir = await mkdtemp(path.join(tmpdir(), 'deployments-'));
    github = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      files: { [TEMPLATE]: 'Resources:\n  OrdersTable:\n    Type: AWS::DynamoDB::Table\n' },
      pulls: [{ number: 42, head: { sha: SHA, ref: 'implementation/1-orders-api' } }],
    });
  });
  afterEach(async () => {
    await github.close();
    await cloudformation?.close();
    cloudformation = undefined;
  });

  async function deploy(
    scenario: 'create-succeeds' | 'update-succeeds' | 'update-fails' | 'no-changes',
    event = deploymentEvent(),
    extraResources = 0,
    denied: readonly string[] = [],
  ) {
    cloudformation = await startCloudFormationFake({
      scenario,
      extraResources,
      denied,
      outputs: { ApiUrl: 'https://abc123.execute-api.ap-southeast-2.amazonaws.com/staging' },
    });
    return runAction({
      apiUrl: github.url,
      eventName: 'deployment',
      payload: event,
      inputs: { token: TOKEN, mode: 'deploy', 'deployments-dir': storeDir, ...agentDeployInputs(SECRET) },
      env: {
        AWS_ENDPOINT_URL_CLOUDFORMATION: cloudformation.url,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'ap-southeast-2',
      },
    });
  }

  it('deploys the stack and ends the deployment in success with the environment URL', async () => {
    const run = await deploy('create-succeeds');

    expect(run.code).toBe(0);
    expect(github.deploymentStatuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    expect(github.deploymentStatuses[1]).toMatchObject({
      deploymentId: 7001,
      environment_url: 'https://abc123.execute-api.ap-southeast-2.amazonaws.com/staging',
      log_url: expect.stringContaining('/actions/runs/'),
    });
    expect(run.outputs).toMatchObject({
      status: 'deployed',
      'deployment-id': '7001',
      'environment-url': 'https://abc123.execute-api.ap-southeast-2.amazonaws.com/staging',
    });
    const actions = cloudformation?.requests.map((request) => request.action) ?? [];
    expect(actions).toEqual(expect.arrayContaining(['CreateChangeSet', 'ExecuteChangeSet']));
    const created = cloudformation?.requests.find((request) => request.action === 'CreateChangeSet')?.params;
    expect(created).toMatchObject({
      StackName: 'orders-api-staging',
      ChangeSetType: 'CREATE',
      'Parameters.member.1.ParameterValue': 'staging',
    });
    expect(github.comments.map((comment) => comment.body)).toEqual([
      expect.stringContaining('Change set for `orders-api-staging` (staging)'),
      expect.stringContaining('🟢 **staging**'),
    ]);
    expect(run.stdout).toContain('OrdersTable');
    // Stored under the repository's one spelling (lower case), whatever GitHub's case.
    const kept = path.join(storeDir, 'codertocat', 'hello-world', 'staging', '7001');
    expect(await readFile(path.join(kept, 'template.json'), 'utf8')).toContain('AWS::DynamoDB::Table');
    expect(JSON.parse(await readFile(path.join(kept, 'outputs.json'), 'utf8'))).toEqual({
      ApiUrl: 'https://abc123.execute-api.ap-southeast-2.amazonaws.com/staging',
    });
  });

  it('fails the step and the deployment, naming the failing resource, when the update rolls back', async () => {
    const run = await deploy('update-fails');

    expect(run.code).toBe(1);
    expect(github.deploymentStatuses.map((status) => status.state)).toEqual(['in_progress', 'failure']);
    expect(run.outputs.status).toBe('deploy_failed');
    expect(github.comments.at(-1)?.body).toContain('Failing resource: `OrdersFunction`');
  });

  it('treats an empty change set as a successful no-op', async () => {
    const run = await deploy('no-changes');

    expect(run.code).toBe(0);
    expect(github.deploymentStatuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    expect(cloudformation?.requests.map((request) => request.action)).not.toContain('ExecuteChangeSet');
  });

  it('keeps the PR comment short for a long change set and puts every row in the job summary', async () => {
    const run = await deploy('create-succeeds', deploymentEvent(), 60);

    expect(run.code).toBe(0);
    const changeSetComment = github.comments[0]?.body ?? '';
    expect(changeSetComment).toContain('62 to add');
    expect(changeSetComment).not.toContain('ExtraQueue60');
    expect(run.summary).toContain('Full change set');
    expect(run.summary).toContain('ExtraQueue60');
  });

  it('refuses a deployment whose sha is not the one checked, without calling AWS', async () => {
    const run = await deploy('create-succeeds', deploymentEvent({ checked_sha: 'b'.repeat(40) }));

    expect(run.code).toBe(1);
    expect(github.deploymentStatuses.map((status) => status.state)).toEqual(['in_progress', 'failure']);
    expect(cloudformation?.requests).toEqual([]);
  });

  it('reports a completed canary update as deployed when the role lacks ListStackResources, naming the permission, and keeps the record', async () => {
    const run = await deploy('update-succeeds', deploymentEvent({ strategy: 'canary' }), 0, [
      'ListStackResources',
    ]);

    expect(run.code).toBe(0);
    expect(github.deploymentStatuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    expect(run.outputs.status).toBe('deployed');
    const report = github.comments.at(-1)?.body ?? '';
    expect(report).toContain('🟢 **staging**');
    expect(report).toContain('missing permission for `cloudformation:ListStackResources`');
    // Stored under the repository's one spelling (lower case), whatever GitHub's case.
    const kept = path.join(storeDir, 'codertocat', 'hello-world', 'staging', '7001');
    expect(await readFile(path.join(kept, 'template.json'), 'utf8')).toContain('AWS::DynamoDB::Table');
  });

  describe('refuses a deployment the agent did not make, ending it in error and touching no AWS', () => {
    const refusedWith = (run: { code: number }, reason: RegExp) => {
      expect(run.code).toBe(1);
      expect(github.deploymentStatuses).toEqual([
        expect.objectContaining({
          deploymentId: 7001,
          state: 'error',
          description: expect.stringMatching(reason),
        }),
      ]);
      expect(cloudformation?.requests).toEqual([]);
      expect(github.comments).toEqual([]);
    };
    const unsigned = () => {
      const event = deploymentEvent();
      const {
        nonce: _nonce,
        signature: _signature,
        ...payload
      } = event.deployment.payload as Record<string, unknown>;
      event.deployment.payload = payload as typeof event.deployment.payload;
      return event;
    };

    it('a hand-made payload with another stack name (tampered after signing)', async () => {
      const event = deploymentEvent();
      Object.assign(event.deployment.payload as object, { stack_name: 'payments-production' });

      refusedWith(await deploy('create-succeeds', event), /signature does not hold/);
    });

    it('an unsigned payload while a key is configured', async () => {
      refusedWith(await deploy('create-succeeds', unsigned()), /not signed/);
    });

    it('a payload signed with another key', async () => {
      const event = agentDeploymentEvent({
        id: 7001,
        sha: SHA,
        environment: 'staging',
        payload: unsigned().deployment.payload as Record<string, unknown>,
        secret: 'someone-elses-secret',
      });

      refusedWith(await deploy('create-succeeds', event), /signature does not hold/);
    });

    it('a payload the agent signed for another repository, copied here by a workflow (same secret)', async () => {
      // One App key signs for every repository it is installed on, and an organisation secret
      // gives many Actions one marker-secret; a sha can be pushed to any of them.
      const event = agentDeploymentEvent({
        id: 7001,
        sha: SHA,
        environment: 'staging',
        payload: unsigned().deployment.payload as Record<string, unknown>,
        secret: SECRET,
        creator: 'github-actions[bot]',
        signedFor: 'Codertocat/Sandbox',
      });

      refusedWith(await deploy('create-succeeds', event), /signature does not hold for this repository/);
    });

    it('a signed payload moved to another environment', async () => {
      const event = deploymentEvent();
      event.deployment.environment = 'production';

      refusedWith(await deploy('create-succeeds', event), /signature does not hold/);
    });

    it('a deployment created by a maintainer, however well signed its payload', async () => {
      const event = agentDeploymentEvent({
        id: 7001,
        sha: SHA,
        environment: 'staging',
        payload: unsigned().deployment.payload as Record<string, unknown>,
        secret: SECRET,
        creator: 'Codertocat',
      });

      refusedWith(await deploy('create-succeeds', event), /created by Codertocat, not by the agent/);
    });

    it('a signed payload copied into a second deployment (a replay)', async () => {
      const event = deploymentEvent();
      // The deployment the agent made, whose payload was copied into 7001.
      github.deployments.push({
        id: 6999,
        sha: SHA,
        environment: 'staging',
        payload: event.deployment.payload,
        creator: { login: 'implementation-agent[bot]', type: 'Bot' },
        created_at: '2026-11-24T09:00:00Z',
      });

      refusedWith(await deploy('create-succeeds', event), /copy of deployment 6999/);
    });
  });

  it('accepts a payload signed with the previous key during a rotation', async () => {
    cloudformation = await startCloudFormationFake({ scenario: 'create-succeeds' });
    const event = agentDeploymentEvent({
      id: 7001,
      sha: SHA,
      environment: 'staging',
      payload: { ...(deploymentEvent().deployment.payload as Record<string, unknown>), nonce: undefined },
      secret: 'the-old-secret',
    });
    const run = await runAction({
      apiUrl: github.url,
      eventName: 'deployment',
      payload: event,
      inputs: {
        token: TOKEN,
        mode: 'deploy',
        ...agentDeployInputs('the-new-secret'),
        'previous-marker-secret': 'the-old-secret',
      },
      env: {
        AWS_ENDPOINT_URL_CLOUDFORMATION: cloudformation.url,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'ap-southeast-2',
      },
    });

    expect(run.code).toBe(0);
    expect(github.deploymentStatuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
  });

  it('without marker-secret, deploys the agent-made deployment but warns on the status and in the log', async () => {
    cloudformation = await startCloudFormationFake({ scenario: 'create-succeeds' });
    const event = agentDeploymentEvent({
      id: 7001,
      sha: SHA,
      environment: 'staging',
      payload: deploymentEvent().deployment.payload as Record<string, unknown>,
      secret: undefined,
    });
    const run = await runAction({
      apiUrl: github.url,
      eventName: 'deployment',
      payload: event,
      inputs: { token: TOKEN, mode: 'deploy', 'agent-login': 'implementation-agent[bot]' },
      env: {
        AWS_ENDPOINT_URL_CLOUDFORMATION: cloudformation.url,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'ap-southeast-2',
      },
    });

    expect(run.code).toBe(0);
    expect(github.deploymentStatuses[0]).toMatchObject({
      state: 'in_progress',
      description: expect.stringContaining('unsigned payload'),
    });
    expect(run.stdout).toContain('Set the marker-secret input');
    expect(github.comments.at(-1)?.body).toContain('is unsigned');
  });

  it('without marker-secret, still refuses a deployment a person created', async () => {
    const event = agentDeploymentEvent({
      id: 7001,
      sha: SHA,
      environment: 'staging',
      payload: deploymentEvent().deployment.payload as Record<string, unknown>,
      secret: undefined,
      creator: 'Codertocat',
    });
    const run = await runAction({
      apiUrl: github.url,
      eventName: 'deployment',
      payload: event,
      inputs: { token: TOKEN, mode: 'deploy', 'agent-login': 'implementation-agent[bot]' },
      env: {
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
      },
    });

    expect(run.code).toBe(1);
    expect(github.deploymentStatuses).toEqual([expect.objectContaining({ state: 'error' })]);
  });
});
