import {
  CreateChangeSetCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { BatchGetDeploymentsCommand, ListDeploymentsCommand } from '@aws-sdk/client-codedeploy';
import {
  PREVIOUS_DEPLOY_EVENTS,
  STACK_NAME,
  describeStacksAnswer,
  stackEvent,
  stackItself,
} from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { scriptStackOperation } from '../../aws/cloudformation/helpers/scripted-stack.js';
import {
  ALARM_MESSAGE,
  APPLICATION_NAME,
  DEPLOYMENT_GROUP_NAME,
  DEPLOYMENT_ID,
  ROLLBACK_DEPLOYMENT_ID,
  deploymentInfo,
} from '../../aws/codedeploy/helpers/codedeploy-fixtures.js';
import { scriptDeployment } from '../../aws/codedeploy/helpers/scripted-deployment.js';

import {
  SHA,
  cfnMock,
  codedeployMock,
  payload,
  fakeGitHub,
  fakeLocks,
  run,
  scriptSuccessfulUpdate,
  resetDeployMocks,
} from './helpers/deploy-run-harness.js';

beforeEach(resetDeployMocks);

describe('runDeployment', () => {
  it('deploys the template at the checked sha and ends in success with the environment URL', async () => {
    scriptSuccessfulUpdate();
    const github = fakeGitHub({
      template: 'Resources:\n  OrdersFunction: { Type: AWS::Lambda::Function }\n',
    });

    const outcome = await run(github);

    expect(outcome.status).toBe('deployed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(github.statuses[1]?.environment_url).toBe(
      'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod',
    );
    const created = cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(created).toMatchObject({
      StackName: STACK_NAME,
      TemplateBody: 'Resources:\n  OrdersFunction: { Type: AWS::Lambda::Function }\n',
      ChangeSetName: 'implementation-agent-7001',
      Parameters: [{ ParameterKey: 'Stage', ParameterValue: 'staging' }],
      RollbackConfiguration: {
        RollbackTriggers: [
          {
            Arn: 'arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:orders-5xx',
            Type: 'AWS::CloudWatch::Alarm',
          },
        ],
        MonitoringTimeInMinutes: 15,
      },
    });
    expect(created?.Tags).toEqual(expect.arrayContaining([{ Key: 'implementation-agent:sha', Value: SHA }]));
    expect(github.comments[0]).toContain('Change set for `orders-api-staging` (staging)');
    expect(github.comments[1]).toContain('🟢 **staging**');
  });

  it('ends in failure naming the failing resource when the update rolls back', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackEvent({
              logicalId: 'OrdersFunction',
              resourceType: 'AWS::Lambda::Function',
              status: 'UPDATE_FAILED',
              second: 20,
              reason: 'Runtime nodejs14.x is no longer supported',
            }),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 60),
          ],
        },
      ],
    });
    const github = fakeGitHub();

    const outcome = await run(github);

    expect(outcome.status).toBe('deploy_failed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(github.statuses[1]?.description.length).toBeLessThanOrEqual(140);
    expect(github.comments.at(-1)).toContain('Failing resource: `OrdersFunction`');
  });

  it.each([
    ['a payload that is not ours', { payload: { stack: 'x' } }, /payload cannot be used/],
    [
      'a deployment of another sha than the one checked',
      { sha: 'e'.repeat(40) },
      /was checked; nothing was deployed/,
    ],
  ])('refuses %s, ending in failure without touching AWS', async (_name, overrides, message) => {
    const github = fakeGitHub();

    const outcome = await run(github, overrides);

    expect(outcome.status).toBe('deploy_failed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(github.statuses[1]?.description).toMatch(message);
    expect(cfnMock.calls()).toHaveLength(0);
  });

  it('aborts when the pull request moved after the check', async () => {
    const github = fakeGitHub({ headSha: 'f'.repeat(40) });

    const outcome = await run(github);

    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      message: expect.stringMatching(/PR #42 moved to fffffff/),
    });
    expect(cfnMock.calls()).toHaveLength(0);
  });

  it('lets a rollback deploy an older sha even though the pull request has moved on', async () => {
    scriptSuccessfulUpdate();
    const github = fakeGitHub({ headSha: 'f'.repeat(40) });

    const outcome = await run(github, { payload: { ...payload, rollback_of: 303 } });

    expect(outcome.status).toBe('deployed');
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
  });

  it('holds the environment lock for the deploy and releases it afterwards', async () => {
    scriptSuccessfulUpdate();
    const locks = fakeLocks();

    const outcome = await run(fakeGitHub(), { lockStore: locks.store });

    expect(outcome.status).toBe('deployed');
    expect(locks.calls).toEqual(['acquire staging for alice, ttl 2100', 'release staging with t-1']);
  });

  it('deploys nothing while another run holds the environment, and says who holds it', async () => {
    const github = fakeGitHub();
    const locks = fakeLocks({
      environment: 'staging',
      repository: 'acme/shop',
      holder: 'bob',
      ref: '#41',
      sha: 'e'.repeat(40),
      acquiredAt: '2026-11-24T09:50:00Z',
      expiresAt: 1_900_000_000,
      token: 'bobs',
    });

    const outcome = await run(github, { lockStore: locks.store });

    expect(outcome.status).toBe('deploy_failed');
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(github.comments.at(-1)).toContain('@bob');
  });

  it('reports the CodeDeploy alarm rollback of a canary release, naming the alarm', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackEvent({
              logicalId: 'OrdersFunctionAliaslive',
              resourceType: 'AWS::Lambda::Alias',
              status: 'UPDATE_FAILED',
              second: 200,
              reason: 'CodeDeploy deployment d-ABCDEF123 failed',
            }),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 260),
          ],
        },
      ],
    });
    cfnMock.on(ListStackResourcesCommand).resolves({
      StackResourceSummaries: [
        {
          LogicalResourceId: 'CodeDeployApplication',
          PhysicalResourceId: APPLICATION_NAME,
          ResourceType: 'AWS::CodeDeploy::Application',
          ResourceStatus: 'UPDATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
        {
          LogicalResourceId: 'OrdersFunctionDeploymentGroup',
          PhysicalResourceId: DEPLOYMENT_GROUP_NAME,
          ResourceType: 'AWS::CodeDeploy::DeploymentGroup',
          ResourceStatus: 'UPDATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
      ],
    });
    codedeployMock.on(ListDeploymentsCommand).resolves({ deployments: [DEPLOYMENT_ID] });
    codedeployMock.on(BatchGetDeploymentsCommand).resolves({
      deploymentsInfo: [
        deploymentInfo('Stopped', { createTime: new Date(Date.parse('2024-05-01T10:00:05.000Z')) }),
      ],
    });
    scriptDeployment({
      codedeployMock,
      steps: [
        {
          info: deploymentInfo('Stopped', {
            errorInformation: { code: 'ALARM_ACTIVE', message: ALARM_MESSAGE },
            rollbackInfo: {
              rollbackDeploymentId: ROLLBACK_DEPLOYMENT_ID,
              rollbackMessage: 'Automatic rollback started.',
            },
          }),
          target: { status: 'Failed', weight: 0 },
        },
      ],
    });
    const github = fakeGitHub();

    const outcome = await run(github, { payload: { ...payload, strategy: 'canary' }, codeDeploy: true });

    expect(outcome.status).toBe('deploy_failed');
    const report = github.comments.at(-1) ?? '';
    expect(report).toContain('OrdersApi-errors');
    expect(report).toContain(ROLLBACK_DEPLOYMENT_ID);
  });

  it.each([
    ['staging', 1],
    ['production', 0],
  ])(
    'recreates a stack left in ROLLBACK_COMPLETE in %s only when its config allows (%i deletes)',
    async (environment, deletes) => {
      cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('ROLLBACK_COMPLETE'));
      cfnMock.on(DeleteStackCommand).resolves({});

      const outcome = await run(fakeGitHub(), { environment, payload: { ...payload } });

      expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(deletes);
      if (deletes === 0)
        expect(outcome).toMatchObject({
          status: 'deploy_failed',
          message: expect.stringContaining('ROLLBACK_COMPLETE'),
        });
    },
  );

  it('fails clearly when the template is not in the repository at that sha', async () => {
    const github = fakeGitHub({ template: null });

    const outcome = await run(github);

    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      message: expect.stringContaining('services/orders-api/template.yaml does not exist'),
    });
  });

  it('still ends the deployment with a final status when the run crashes', async () => {
    const github = fakeGitHub();
    github.client.pulls.get = async () => {
      throw new Error('socket hang up');
    };

    await expect(run(github)).rejects.toThrow('socket hang up');

    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'error']);
    expect(github.statuses[1]?.description).toContain('socket hang up');
  });
});
