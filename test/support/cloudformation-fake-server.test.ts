import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListExportsCommand,
} from '@aws-sdk/client-cloudformation';
import { cancelStackUpdate } from '../../src/aws/cloudformation/cancel-stack-update.js';
import { deployStack } from '../../src/aws/cloudformation/deploy-stack.js';
import type { DeployStackParams } from '../../src/aws/cloudformation/deploy-stack.js';
import { describeStack } from '../../src/aws/cloudformation/describe-stack.js';
import { startCloudFormationFake } from './cloudformation-fake-server.js';
import type { CloudFormationFake, CloudFormationFakeOptions } from './cloudformation-fake-server.js';

const STACK_NAME = 'orders-api-staging';
const API_URL = 'https://k3x9q2w1ab.execute-api.ap-southeast-2.amazonaws.com/staging';
const DASHBOARD_URL =
  'https://console.aws.amazon.com/cloudwatch/home?region=ap-southeast-2&dashboard="orders"';
const OUTPUTS = { ApiUrl: API_URL, DashboardUrl: DASHBOARD_URL };
const TEMPLATE = JSON.stringify({
  Parameters: { Stage: { Type: 'String' } },
  Resources: {
    OrdersTable: { Type: 'AWS::DynamoDB::Table' },
    OrdersFunction: { Type: 'AWS::Lambda::Function' },
  },
});

let fake: CloudFormationFake | undefined;
let client: CloudFormationClient | undefined;

afterEach(async () => {
  client?.destroy();
  client = undefined;
  await fake?.close();
  fake = undefined;
});

async function start(options: CloudFormationFakeOptions) {
  fake = await startCloudFormationFake(options);
  client = new CloudFormationClient({
    region: 'ap-southeast-2',
    endpoint: fake.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return { fake, cfn: client };
}

async function deploy(params: { cfn: CloudFormationClient } & Partial<DeployStackParams>) {
  let clock = Date.parse('2025-03-04T09:00:00.000Z');
  const lines: string[] = [];
  const result = await deployStack({
    stackName: STACK_NAME,
    templateBody: TEMPLATE,
    parameters: { Stage: 'staging', LogLevel: 'info' },
    tags: { 'implementation-agent:task': 'task-42', 'implementation-agent:sha': '3f9c2d1' },
    recreateRolledBackStack: false,
    terminationProtection: false,
    changeSetName: 'deploy-3f9c2d1-run-7',
    dryRun: false,
    timeoutMs: 1_800_000,
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
    log: (line) => lines.push(line),
    ...params,
  });
  return { result, lines };
}

const actionsOf = (server: CloudFormationFake) => server.requests.map((request) => request.action);

describe('startCloudFormationFake, driven by the real CloudFormation client', () => {
  it('creates a new stack through a change set and reports its outputs and environment URL', async () => {
    const { fake, cfn } = await start({ scenario: 'create-succeeds', outputs: OUTPUTS });

    const { result, lines } = await deploy({ cfn });

    expect(result).toMatchObject({
      reason: 'deployed',
      finalStatus: 'success',
      changeSetType: 'CREATE',
      stackStatus: 'CREATE_COMPLETE',
      outputs: OUTPUTS,
      environmentUrl: API_URL,
    });
    expect(result.changeSetId).toMatch(
      /^arn:aws:cloudformation:ap-southeast-2:\d{12}:changeSet\/deploy-3f9c2d1-run-7\//,
    );
    expect(result.changeSummary?.counts).toMatchObject({ add: 2, modify: 0, remove: 0 });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ CREATE_COMPLETE AWS::Lambda::Function OrdersFunction$/),
        expect.stringMatching(/ CREATE_COMPLETE AWS::CloudFormation::Stack orders-api-staging$/),
      ]),
    );
    const actions = actionsOf(fake);
    expect(actions.indexOf('CreateChangeSet')).toBeLessThan(actions.indexOf('ExecuteChangeSet'));
    expect(actions.filter((action) => action === 'DescribeChangeSet')).toHaveLength(2);
  });

  it('lists stack events newest first with increasing ISO timestamps and unique ids', async () => {
    const { cfn } = await start({ scenario: 'create-succeeds', outputs: OUTPUTS });
    await deploy({ cfn });

    const { StackEvents: events = [] } = await cfn.send(
      new DescribeStackEventsCommand({ StackName: STACK_NAME }),
    );

    expect(events[0]).toMatchObject({ LogicalResourceId: STACK_NAME, ResourceStatus: 'CREATE_COMPLETE' });
    expect(events.at(-1)).toMatchObject({
      ResourceStatus: 'REVIEW_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
    });
    const times = events.map((event) => event.Timestamp?.getTime() ?? Number.NaN);
    for (let index = 1; index < times.length; index += 1) {
      expect(times[index - 1]).toBeGreaterThan(times[index] ?? Number.POSITIVE_INFINITY);
    }
    expect(new Set(events.map((event) => event.EventId)).size).toBe(events.length);
  });

  it('records the parameters, tags, capabilities and rollback alarms CreateChangeSet carried, and shows them on the stack', async () => {
    const { fake, cfn } = await start({ scenario: 'create-succeeds', outputs: OUTPUTS });
    const alarmArn = 'arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:orders-api-5xx';
    // Markup characters in a value prove it is XML-escaped on the way out and decoded by the SDK.
    const alarmFilter = '{ $.level = "error" || $.freeMemoryMb < 64 && $.path = "/orders" }';

    await deploy({
      cfn,
      parameters: { Stage: 'staging', AlarmFilter: alarmFilter },
      capabilities: ['CAPABILITY_IAM'],
      rollbackConfiguration: { alarmArns: [alarmArn], monitoringMinutes: 10 },
    });

    const created = fake.requests.find((request) => request.action === 'CreateChangeSet');
    expect(created?.params).toMatchObject({
      StackName: STACK_NAME,
      ChangeSetName: 'deploy-3f9c2d1-run-7',
      ChangeSetType: 'CREATE',
      TemplateBody: TEMPLATE,
      'Parameters.member.1.ParameterKey': 'Stage',
      'Parameters.member.1.ParameterValue': 'staging',
      'Parameters.member.2.ParameterKey': 'AlarmFilter',
      'Parameters.member.2.ParameterValue': alarmFilter,
      'Tags.member.1.Key': 'implementation-agent:task',
      'Tags.member.1.Value': 'task-42',
      'Tags.member.2.Key': 'implementation-agent:sha',
      'Tags.member.2.Value': '3f9c2d1',
      'Capabilities.member.1': 'CAPABILITY_IAM',
      'RollbackConfiguration.RollbackTriggers.member.1.Arn': alarmArn,
      'RollbackConfiguration.RollbackTriggers.member.1.Type': 'AWS::CloudWatch::Alarm',
      'RollbackConfiguration.MonitoringTimeInMinutes': '10',
    });
    const stack = await describeStack({ cfn, stack: STACK_NAME });
    expect(stack).toMatchObject({
      Parameters: [
        { ParameterKey: 'Stage', ParameterValue: 'staging' },
        { ParameterKey: 'AlarmFilter', ParameterValue: alarmFilter },
      ],
      Tags: [
        { Key: 'implementation-agent:task', Value: 'task-42' },
        { Key: 'implementation-agent:sha', Value: '3f9c2d1' },
      ],
      Capabilities: ['CAPABILITY_IAM'],
      RollbackConfiguration: {
        RollbackTriggers: [{ Arn: alarmArn, Type: 'AWS::CloudWatch::Alarm' }],
        MonitoringTimeInMinutes: 10,
      },
    });
  });

  it('ends an empty change set as no-changes, deletes it and still reports the environment URL', async () => {
    const { fake, cfn } = await start({ scenario: 'no-changes', outputs: OUTPUTS });

    const { result } = await deploy({ cfn });

    expect(result).toMatchObject({
      reason: 'no-changes',
      finalStatus: 'success',
      stackStatus: 'CREATE_COMPLETE',
      environmentUrl: API_URL,
    });
    const actions = actionsOf(fake);
    expect(actions).toContain('DeleteChangeSet');
    expect(actions).not.toContain('ExecuteChangeSet');
  });

  it('ends a failed update as failed, naming the resource that failed rather than the ones cancelled', async () => {
    const { cfn } = await start({ scenario: 'update-fails', outputs: OUTPUTS });

    const { result, lines } = await deploy({ cfn });

    expect(result).toMatchObject({
      reason: 'failed',
      finalStatus: 'failure',
      changeSetType: 'UPDATE',
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      failingResource: {
        logicalId: 'OrdersFunction',
        resourceType: 'AWS::Lambda::Function',
        status: 'UPDATE_FAILED',
        reason: expect.stringContaining('S3 Error Code: NoSuchKey'),
      },
    });
    expect(result.message).toContain('OrdersFunction (AWS::Lambda::Function) UPDATE_FAILED');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'CREATE_FAILED AWS::CloudWatch::Alarm OrdersErrorsAlarm - Resource creation cancelled',
        ),
      ]),
    );
  });

  it('updates an existing stack and turns termination protection on when asked', async () => {
    const { fake, cfn } = await start({ scenario: 'update-succeeds', outputs: OUTPUTS });

    const { result } = await deploy({ cfn, terminationProtection: true });

    expect(result).toMatchObject({
      reason: 'deployed',
      changeSetType: 'UPDATE',
      stackStatus: 'UPDATE_COMPLETE',
      environmentUrl: API_URL,
      warnings: [],
    });
    expect(result.changeSummary?.counts).toMatchObject({ add: 1, modify: 1, replace: 0 });
    expect(fake.requests.find((request) => request.action === 'UpdateTerminationProtection')?.params).toEqual(
      {
        StackName: STACK_NAME,
        EnableTerminationProtection: 'true',
      },
    );
    expect(await describeStack({ cfn, stack: STACK_NAME })).toMatchObject({
      EnableTerminationProtection: true,
    });
  });

  it('rolls a running update back when it is cancelled, and the deploy ends as cancelled', async () => {
    const { fake, cfn } = await start({ scenario: 'update-succeeds', outputs: OUTPUTS });
    let cancellation: Awaited<ReturnType<typeof cancelStackUpdate>> | undefined;

    const { result } = await deploy({
      cfn,
      sleep: async () => {
        if (cancellation === undefined && actionsOf(fake).includes('ExecuteChangeSet')) {
          cancellation = await cancelStackUpdate({ cfn, stackName: STACK_NAME });
        }
      },
    });

    expect(cancellation?.kind).toBe('cancel-requested');
    expect(result).toMatchObject({ reason: 'cancelled', stackStatus: 'UPDATE_ROLLBACK_COMPLETE' });
  });

  it('leaves nothing behind after a dry run of a new stack', async () => {
    const { fake, cfn } = await start({ scenario: 'create-succeeds' });

    const { result } = await deploy({ cfn, dryRun: true });

    expect(result.reason).toBe('dry-run');
    expect(actionsOf(fake)).toEqual(expect.arrayContaining(['DeleteChangeSet', 'DeleteStack']));
    expect(await describeStack({ cfn, stack: STACK_NAME })).toBeUndefined();
  });

  it("answers a missing stack with CloudFormation's ValidationError", async () => {
    const { cfn } = await start({ scenario: 'create-succeeds' });

    await expect(cfn.send(new DescribeStacksCommand({ StackName: STACK_NAME }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: `Stack with id ${STACK_NAME} does not exist`,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a template with IAM resources when CAPABILITY_IAM was not acknowledged', async () => {
    const { fake, cfn } = await start({ scenario: 'create-succeeds' });
    const templateBody = JSON.stringify({ Resources: { OrdersRole: { Type: 'AWS::IAM::Role' } } });

    const { result } = await deploy({ cfn, templateBody });

    expect(result).toMatchObject({
      reason: 'failed',
      error: {
        name: 'InsufficientCapabilitiesException',
        message: 'Requires capabilities : [CAPABILITY_IAM]',
      },
    });
    expect(actionsOf(fake)).not.toContain('ExecuteChangeSet');
  });

  it('answers an action it does not implement with a 400 naming the action', async () => {
    const { cfn } = await start({ scenario: 'create-succeeds' });

    await expect(cfn.send(new ListExportsCommand({}))).rejects.toMatchObject({
      name: 'InvalidAction',
      message: expect.stringContaining('ListExports'),
      $metadata: { httpStatusCode: 400 },
    });
  });
});
