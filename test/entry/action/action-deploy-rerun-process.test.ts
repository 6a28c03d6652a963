import { agentDeployInputs, agentDeploymentEvent } from '../../fixtures/agent-deployment-event.js';
import { startCloudFormationFake } from '../../support/cloudformation-fake-server.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_deployRerunToken456';
const SHA = 'a'.repeat(40);
const TEMPLATE = 'services/orders-api/template.yaml';
const SECRET = 'deploy-rerun-marker-secret';

/** GitHub's `deployment` event for deployment 7001 of PR 42 to staging, as `/deploy staging` made it. */
function deploymentEvent() {
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
  };
  return agentDeploymentEvent({ id: 7001, sha: SHA, environment: 'staging', payload, secret: SECRET });
}

/**
 * "Re-run jobs" on a deploy workflow run hands the Action the same `deployment` event again, as
 * often as anyone clicks it, at any time later (#8 kind 2: every trigger is carried out once).
 * A deployment that already ended was carried out: running it again would repeat it, or, once a
 * newer deployment has replaced it, put its older sha back without any of `/deploy`'s rules.
 */
describe('the built Action in mode deploy, its job re-run for a deployment that already ended', () => {
  let github: Awaited<ReturnType<typeof startGitHubFake>>;
  let cloudformation: Awaited<ReturnType<typeof startCloudFormationFake>>;
  beforeEach(async () => {
    github = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      files: { [TEMPLATE]: 'Resources:\n  OrdersTable:\n    Type: AWS::DynamoDB::Table\n' },
      pulls: [{ number: 42, head: { sha: SHA, ref: 'implementation/1-orders-api' } }],
    });
    cloudformation = await startCloudFormationFake({ scenario: 'create-succeeds' });
  });
  afterEach(async () => {
    await github.close();
    await cloudformation.close();
  });

  const deploy = () =>
    runAction({
      apiUrl: github.url,
      eventName: 'deployment',
      payload: deploymentEvent(),
      inputs: { token: TOKEN, mode: 'deploy', ...agentDeployInputs(SECRET) },
      env: {
        AWS_ENDPOINT_URL_CLOUDFORMATION: cloudformation.url,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'ap-southeast-2',
      },
    });

  it('deploys once: a re-run calls no AWS, writes no status over the final one and posts nothing', async () => {
    const first = await deploy();
    expect(first.code).toBe(0);
    const calls = cloudformation.requests.length;
    const comments = github.comments.length;

    const again = await deploy();
    const third = await deploy();

    for (const rerun of [again, third]) {
      expect(rerun.code).toBe(0);
      expect(rerun.outputs.status).toBe('ignored');
      expect(rerun.stdout).toContain('deployment 7001 already ended (success)');
    }
    expect(cloudformation.requests).toHaveLength(calls);
    expect(github.deploymentStatuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    expect(github.comments).toHaveLength(comments);
  });

  it.each(['inactive', 'failure', 'error'])(
    'does not run a deployment whose latest status is %s again',
    async (state) => {
      // `inactive`: a newer deployment to staging replaced it (GitHub's auto_inactive).
      github.deploymentStatuses.push(
        { deploymentId: 7001, state: 'in_progress', created_at: '2026-11-24T09:00:00Z' },
        { deploymentId: 7001, state, created_at: '2026-11-24T09:05:00Z' },
      );

      const rerun = await deploy();

      expect(rerun.code).toBe(0);
      expect(rerun.outputs.status).toBe('ignored');
      expect(cloudformation.requests).toEqual([]);
      expect(github.deploymentStatuses).toHaveLength(2);
      expect(github.comments).toEqual([]);
    },
  );

  it('carries out a deployment whose run died without a final status (only in_progress)', async () => {
    github.deploymentStatuses.push({
      deploymentId: 7001,
      state: 'in_progress',
      created_at: '2026-11-24T09:00:00Z',
    });

    const rerun = await deploy();

    expect(rerun.code).toBe(0);
    expect(rerun.outputs.status).toBe('deployed');
    expect(github.deploymentStatuses.at(-1)?.state).toBe('success');
  });
});
