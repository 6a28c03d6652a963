import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { startCloudFormationFake } from '../../support/cloudformation-fake-server.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_deployProcessToken456';
const SHA = 'a'.repeat(40);
const TEMPLATE = 'services/orders-api/template.yaml';

function deploymentEvent(overrides: Record<string, unknown> = {}) {
  const payload = webhookExample('deployment', 'created');
  payload.deployment.id = 7001;
  payload.deployment.sha = SHA;
  payload.deployment.environment = 'staging';
  payload.deployment.payload = {
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
  return payload;
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
      inputs: { token: TOKEN, mode: 'deploy', 'deployments-dir': storeDir },
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
    const kept = path.join(storeDir, 'Codertocat', 'Hello-World', 'staging', '7001');
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
    const kept = path.join(storeDir, 'Codertocat', 'Hello-World', 'staging', '7001');
    expect(await readFile(path.join(kept, 'template.json'), 'utf8')).toContain('AWS::DynamoDB::Table');
  });
});
