import { CloudFormationClient, CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import type { PackagedParameters } from '../../../src/pipeline/deploy-run/package-function-code.js';
import { runDeployment } from '../../../src/pipeline/deploy-run/run-deployment.js';
import { REGION } from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { collectLog, virtualClock } from '../../aws/cloudformation/helpers/virtual-clock.js';
import {
  SHA,
  cfnMock,
  fakeGitHub,
  payload,
  resetDeployMocks,
  scriptSuccessfulUpdate,
} from './helpers/deploy-run-harness.js';

beforeEach(resetDeployMocks);

function run(github: ReturnType<typeof fakeGitHub>, prepared: PackagedParameters) {
  const clock = virtualClock();
  return runDeployment({
    client: github.client,
    cloudFormationFor: () => new CloudFormationClient({ region: REGION }),
    cloudWatchFor: () => new CloudWatchClient({ region: REGION }),
    event: {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId: 7001,
      sha: SHA,
      environment: 'staging',
      payload,
    },
    config: agentConfigSchema.parse({}),
    timeoutMs: 1_800_000,
    prepareParameters: async () => prepared,
    sleep: clock.sleep,
    now: clock.now,
    log: collectLog().log,
  });
}

describe('runDeployment: packaging the code before the change set', () => {
  it('deploys with the parameters the packaging step completed', async () => {
    scriptSuccessfulUpdate();
    const parameters = {
      Stage: 'staging',
      CodeS3Bucket: 'acme-deployments',
      CodeS3Key: 'acme/shop/code/orders-api/abc.zip',
    };
    const outcome = await run(fakeGitHub(), { parameters });
    expect(outcome.status).toBe('deployed');
    expect(cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.Parameters).toEqual([
      { ParameterKey: 'Stage', ParameterValue: 'staging' },
      { ParameterKey: 'CodeS3Bucket', ParameterValue: 'acme-deployments' },
      { ParameterKey: 'CodeS3Key', ParameterValue: 'acme/shop/code/orders-api/abc.zip' },
    ]);
  });

  it('ends in failure, deploying nothing, when the packaging refuses', async () => {
    const github = fakeGitHub();
    const refusal =
      'services/orders-api/template.yaml takes its Lambda code from S3 and no bucket is configured. Nothing was deployed.';
    expect(await run(github, { refusal })).toEqual({
      status: 'deploy_failed',
      deploymentId: 7001,
      message: refusal,
    });
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
    expect(github.statuses.at(-1)).toMatchObject({ state: 'failure' });
  });
});
