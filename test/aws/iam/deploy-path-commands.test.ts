import {
  CloudFormationClient,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  CancelUpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { BatchGetDeploymentsCommand, ListDeploymentsCommand } from '@aws-sdk/client-codedeploy';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { createDynamoDbDeployLockStore } from '../../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import { DEPLOY_ROLE_OPERATIONS } from '../../../src/aws/iam/deploy-role-operations.js';
import { runControlRequest } from '../../../src/pipeline/deploy-run/run-control-request.js';
import {
  describeStacksAnswer,
  stackDoesNotExist,
} from '../cloudformation/helpers/cloudformation-fixtures.js';
import {
  APPLICATION_NAME,
  DEPLOYMENT_GROUP_NAME,
  DEPLOYMENT_ID,
  deploymentInfo,
} from '../codedeploy/helpers/codedeploy-fixtures.js';
import { scriptDeployment } from '../codedeploy/helpers/scripted-deployment.js';
import {
  cfnMock,
  cloudwatchMock,
  codedeployMock,
  fakeGitHub,
  payload,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from '../../pipeline/deploy-run/helpers/deploy-run-harness.js';
import { iamActionOf } from '../../support/iam-action-of.js';

const listed = new Set<string>(DEPLOY_ROLE_OPERATIONS.map((operation) => operation.action));

/** The IAM action of every command a mocked client was sent. */
function sentBy(mock: { calls(): Array<{ args: unknown[] }> }, packageName: string): string[] {
  return mock
    .calls()
    .map((call) => iamActionOf({ packageName, commandName: (call.args[0] as object).constructor.name }));
}

function sentToAws(): string[] {
  return [
    ...sentBy(cfnMock, '@aws-sdk/client-cloudformation'),
    ...sentBy(codedeployMock, '@aws-sdk/client-codedeploy'),
    ...sentBy(cloudwatchMock, '@aws-sdk/client-cloudwatch'),
  ];
}

/** A DynamoDB document client that answers like an empty lock table and records what it was sent. */
function recordingDocumentClient() {
  const sent: string[] = [];
  return {
    sent,
    client: {
      send: async (command: object) => {
        sent.push(
          iamActionOf({ packageName: '@aws-sdk/lib-dynamodb', commandName: command.constructor.name }),
        );
        return {};
      },
    } as never,
  };
}

beforeEach(resetDeployMocks);

describe('every AWS call the deploy path makes is in the deploy role', () => {
  it('a canary update with a bake window, termination protection and the deploy lock', async () => {
    scriptSuccessfulUpdate();
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
        deploymentInfo('Succeeded', { createTime: new Date(Date.parse('2024-05-01T10:00:05.000Z')) }),
      ],
    });
    scriptDeployment({
      codedeployMock,
      steps: [{ info: deploymentInfo('Succeeded'), target: { status: 'Succeeded', weight: 1 } }],
    });
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'OK' }] });
    const dynamodb = recordingDocumentClient();

    const outcome = await run(fakeGitHub(), {
      payload: { ...payload, strategy: 'canary' },
      codeDeploy: true,
      lockStore: createDynamoDbDeployLockStore({ client: dynamodb.client, tableName: 'DeployLocks' }),
      staging: { bake_minutes: 1, termination_protection: true },
    });

    expect(outcome.status).toBe('deployed');
    const sent = [...sentToAws(), ...dynamodb.sent];
    expect(sent).toEqual(
      expect.arrayContaining([
        'cloudformation:ListStackResources',
        'codedeploy:GetDeployment',
        'codedeploy:BatchGetDeploymentTargets',
        'cloudwatch:DescribeAlarms',
        'cloudformation:UpdateTerminationProtection',
        'dynamodb:PutItem',
        'dynamodb:DeleteItem',
      ]),
    );
    expect(sent.filter((action) => !listed.has(action))).toEqual([]);
  });

  it('a dry run of a new stack, which deletes its change set and the stack shell', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(stackDoesNotExist());
    cfnMock.on(DeleteChangeSetCommand).resolves({});
    cfnMock.on(DeleteStackCommand).resolves({});

    await run(fakeGitHub(), { payload: { ...payload, dry_run: true } });

    const sent = sentToAws();
    expect(sent).toEqual(
      expect.arrayContaining(['cloudformation:DeleteChangeSet', 'cloudformation:DeleteStack']),
    );
    expect(sent.filter((action) => !listed.has(action))).toEqual([]);
  });

  it('a stack left in ROLLBACK_COMPLETE, deleted and created again', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce(describeStacksAnswer('ROLLBACK_COMPLETE'))
      .rejects(stackDoesNotExist());
    cfnMock.on(DeleteStackCommand).resolves({});

    await run(fakeGitHub(), { payload: { ...payload } });

    const sent = sentToAws();
    expect(sent).toContain('cloudformation:DeleteStack');
    expect(sent.filter((action) => !listed.has(action))).toEqual([]);
  });

  it('/cancel and /unlock', async () => {
    cfnMock.on(CancelUpdateStackCommand).resolves({});
    const dynamodb = recordingDocumentClient();
    const lockStore = createDynamoDbDeployLockStore({ client: dynamodb.client, tableName: 'DeployLocks' });
    const github = fakeGitHub({
      history: [
        { id: 7001, sha: 'd'.repeat(40), states: ['in_progress'], payload, creator: 'github-actions[bot]' },
      ],
    });
    const control = (command: 'cancel' | 'unlock') =>
      runControlRequest({
        client: github.client,
        repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
        request: {
          version: 1,
          command,
          environment: 'staging',
          issue_number: 42,
          requested_by: 'alice',
          region: 'ap-southeast-2',
        },
        authority: { creators: ['github-actions[bot]'], keys: undefined, repositoryId: 4242 },
        cloudFormationFor: () => new CloudFormationClient({ region: 'ap-southeast-2' }),
        lockStore,
        now: () => Date.now(),
      });

    await control('cancel');
    await control('unlock');

    const sent = [...sentToAws(), ...dynamodb.sent];
    expect(sent).toEqual(['cloudformation:CancelUpdateStack', 'dynamodb:DeleteItem']);
    expect(sent.filter((action) => !listed.has(action))).toEqual([]);
  });
});
