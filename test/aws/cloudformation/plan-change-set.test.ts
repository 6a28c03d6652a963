import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { planChangeSet } from '../../../src/aws/cloudformation/plan-change-set.js';
import {
  CHANGE_SET_ID,
  CHANGE_SET_NAME,
  EMPTY_CHANGE_SET_REASON,
  NEW_STACK_ID,
  NO_UPDATES_REASON,
  REGION,
  STACK_ID,
  STACK_NAME,
  changeSetAnswer,
  describeStacksAnswer,
  resourceChange,
  stackDoesNotExist,
} from './helpers/cloudformation-fixtures.js';
import { collectLog, virtualClock } from './helpers/virtual-clock.js';

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: REGION });
const TEMPLATE = JSON.stringify({ Resources: { OrdersQueue: { Type: 'AWS::SQS::Queue' } } });

function plan(overrides: Partial<Parameters<typeof planChangeSet>[0]> = {}) {
  const clock = virtualClock();
  const output = collectLog();
  return planChangeSet({
    cfn,
    stackName: STACK_NAME,
    templateBody: TEMPLATE,
    parameters: { Stage: 'staging' },
    tags: { 'implementation-agent:sha': '3f9c2d1' },
    recreateRolledBackStack: false,
    changeSetName: CHANGE_SET_NAME,
    sleep: clock.sleep,
    now: clock.now,
    timeoutMs: 300_000,
    log: output.log,
    ...overrides,
  });
}

beforeEach(() => {
  cfnMock.reset();
  cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
});

describe('planChangeSet', () => {
  it('names the uploaded template by TemplateURL, without a TemplateBody, when given one', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(stackDoesNotExist());
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Add', 'OrdersQueue', 'AWS::SQS::Queue')],
      }),
    );
    const templateUrl =
      'https://s3.ap-southeast-2.amazonaws.com/acme-deploys/acme/shop/staging/7/template.json';

    await plan({ templateUrl });

    const input = cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(input?.TemplateURL).toBe(templateUrl);
    expect(input).not.toHaveProperty('TemplateBody');
  });

  it('creates a CREATE change set for a stack that does not exist, waiting until it is computed', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(stackDoesNotExist());
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolvesOnce(changeSetAnswer('CREATE_PENDING'))
      .resolvesOnce(changeSetAnswer('CREATE_IN_PROGRESS'))
      .resolves(
        changeSetAnswer('CREATE_COMPLETE', {
          Changes: [resourceChange('Add', 'OrdersQueue', 'AWS::SQS::Queue')],
        }),
      );

    const result = await plan();

    expect(result).toEqual({
      kind: 'changes',
      changeSetId: CHANGE_SET_ID,
      stackId: STACK_ID,
      changeSetType: 'CREATE',
      changes: [{ action: 'Add', logicalId: 'OrdersQueue', resourceType: 'AWS::SQS::Queue' }],
    });
    expect(cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input).toMatchObject({
      StackName: STACK_NAME,
      ChangeSetName: CHANGE_SET_NAME,
      ChangeSetType: 'CREATE',
      TemplateBody: TEMPLATE,
    });
    expect(cfnMock.commandCalls(DescribeChangeSetCommand)).toHaveLength(3);
  });

  it('creates an UPDATE change set for a stack whose last update rolled back', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_ROLLBACK_COMPLETE'));
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Modify', 'OrdersTable', 'AWS::DynamoDB::Table', 'True')],
      }),
    );

    const result = await plan();

    expect(result).toMatchObject({ kind: 'changes', changeSetType: 'UPDATE' });
    expect(cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.ChangeSetType).toBe('UPDATE');
  });

  it('sends parameters, tags, capabilities and alarm rollback triggers as given', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock.on(DescribeChangeSetCommand).resolves(changeSetAnswer('CREATE_COMPLETE'));
    const alarm = `arn:aws:cloudwatch:${REGION}:123456789012:alarm:orders-api-5xx`;

    await plan({
      parameters: { Stage: 'staging', MemorySize: '512' },
      tags: { 'implementation-agent:task': 'T-42', 'implementation-agent:environment': 'staging' },
      capabilities: ['CAPABILITY_IAM'],
      rollbackConfiguration: { alarmArns: [alarm], monitoringMinutes: 10 },
    });

    expect(cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input).toMatchObject({
      Parameters: [
        { ParameterKey: 'Stage', ParameterValue: 'staging' },
        { ParameterKey: 'MemorySize', ParameterValue: '512' },
      ],
      Tags: [
        { Key: 'implementation-agent:task', Value: 'T-42' },
        { Key: 'implementation-agent:environment', Value: 'staging' },
      ],
      Capabilities: ['CAPABILITY_IAM'],
      RollbackConfiguration: {
        RollbackTriggers: [{ Arn: alarm, Type: 'AWS::CloudWatch::Alarm' }],
        MonitoringTimeInMinutes: 10,
      },
    });
  });

  it('sends no RollbackConfiguration or Capabilities when none are configured', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock.on(DescribeChangeSetCommand).resolves(changeSetAnswer('CREATE_COMPLETE'));
    await plan();
    const input = cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(input).not.toHaveProperty('RollbackConfiguration');
    expect(input).not.toHaveProperty('Capabilities');
  });

  it('pages through every change of a large change set', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock
      .on(DescribeChangeSetCommand, { ChangeSetName: CHANGE_SET_ID })
      .resolves(
        changeSetAnswer('CREATE_COMPLETE', {
          Changes: [resourceChange('Add', 'QueueA', 'AWS::SQS::Queue')],
          NextToken: 'page-2',
        }),
      )
      .on(DescribeChangeSetCommand, { ChangeSetName: CHANGE_SET_ID, NextToken: 'page-2' })
      .resolves(
        changeSetAnswer('CREATE_COMPLETE', {
          Changes: [resourceChange('Remove', 'QueueB', 'AWS::SQS::Queue')],
          NextToken: 'page-3',
        }),
      )
      .on(DescribeChangeSetCommand, { ChangeSetName: CHANGE_SET_ID, NextToken: 'page-3' })
      .resolves(
        changeSetAnswer('CREATE_COMPLETE', { Changes: [resourceChange('Add', 'QueueC', 'AWS::SQS::Queue')] }),
      );

    const result = await plan();

    expect(result.kind === 'changes' && result.changes.map((row) => row.logicalId)).toEqual([
      'QueueA',
      'QueueB',
      'QueueC',
    ]);
  });

  it.each([EMPTY_CHANGE_SET_REASON, NO_UPDATES_REASON])(
    'treats a change set that FAILED with "%s" as empty and deletes it',
    async (statusReason) => {
      cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
      cfnMock
        .on(DescribeChangeSetCommand)
        .resolves(changeSetAnswer('FAILED', { StatusReason: statusReason }));

      const result = await plan();

      expect(result).toEqual({ kind: 'empty', reason: statusReason });
      expect(cfnMock.commandCalls(DeleteChangeSetCommand)[0]?.args[0].input).toEqual({
        ChangeSetName: CHANGE_SET_ID,
      });
    },
  );

  it('reports any other FAILED change set as a failure with its reason, keeping it for inspection', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolves(changeSetAnswer('FAILED', { StatusReason: 'Requires capabilities : [CAPABILITY_IAM]' }));

    const result = await plan();

    expect(result).toEqual({
      kind: 'failed',
      changeSetId: CHANGE_SET_ID,
      stackId: STACK_ID,
      changeSetType: 'UPDATE',
      // Markdown: AWS's brackets are escaped so they show as written.
      reason: `Change set ${CHANGE_SET_ID} failed: Requires capabilities : \\[CAPABILITY_IAM\\]`,
    });
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(0);
  });

  it('deletes a ROLLBACK_COMPLETE stack, waits until it is gone and plans a CREATE when allowed', async () => {
    cfnMock
      .on(DescribeStacksCommand, { StackName: STACK_NAME })
      .resolves(
        describeStacksAnswer('ROLLBACK_COMPLETE', {
          StackStatusReason: 'The following resource(s) failed to create: [OrdersQueue].',
        }),
      )
      .on(DescribeStacksCommand, { StackName: STACK_ID })
      .resolvesOnce(describeStacksAnswer('DELETE_IN_PROGRESS'))
      .resolves(describeStacksAnswer('DELETE_COMPLETE'));
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: NEW_STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Add', 'OrdersQueue', 'AWS::SQS::Queue')],
      }),
    );

    const result = await plan({ recreateRolledBackStack: true });

    expect(cfnMock.commandCalls(DeleteStackCommand)[0]?.args[0].input).toEqual({ StackName: STACK_ID });
    expect(cfnMock.commandCalls(DescribeStacksCommand, { StackName: STACK_ID })).toHaveLength(2);
    expect(result).toMatchObject({ kind: 'changes', changeSetType: 'CREATE', stackId: NEW_STACK_ID });
  });

  it('explains what to do with a ROLLBACK_COMPLETE stack when recreating is not allowed', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('ROLLBACK_COMPLETE'));

    const result = await plan({ recreateRolledBackStack: false });

    expect(result).toMatchObject({ kind: 'blocked', stackStatus: 'ROLLBACK_COMPLETE' });
    expect(result.kind === 'blocked' && result.reason).toContain(
      `aws cloudformation delete-stack --stack-name ${STACK_NAME}`,
    );
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('never deletes a ROLLBACK_COMPLETE stack on a dry run, even when recreating is allowed', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('ROLLBACK_COMPLETE'));

    const result = await plan({ recreateRolledBackStack: true, dryRun: true });

    expect(result.kind === 'blocked' && result.reason).toContain(
      'A real deploy will delete it and create it again',
    );
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('reports a failed deletion of the rolled-back stack as blocked with the reason', async () => {
    cfnMock
      .on(DescribeStacksCommand, { StackName: STACK_NAME })
      .resolves(describeStacksAnswer('ROLLBACK_COMPLETE'))
      .on(DescribeStacksCommand, { StackName: STACK_ID })
      .resolves(
        describeStacksAnswer('DELETE_FAILED', {
          StackStatusReason: 'The following resource(s) failed to delete: [OrdersBucket].',
        }),
      );

    const result = await plan({ recreateRolledBackStack: true });

    expect(result).toMatchObject({ kind: 'blocked', stackStatus: 'DELETE_FAILED' });
    expect(result.kind === 'blocked' && result.reason).toContain('failed to delete: \\[OrdersBucket\\]');
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('will not start while another operation is running on the stack', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_IN_PROGRESS'));
    const result = await plan();
    expect(result).toMatchObject({ kind: 'blocked', stackStatus: 'UPDATE_IN_PROGRESS' });
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('points a stack whose rollback failed at continue-update-rollback', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_ROLLBACK_FAILED'));
    const result = await plan();
    expect(result.kind === 'blocked' && result.reason).toContain('continue-update-rollback');
  });

  it('stops waiting for the change set at the deadline', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock.on(DescribeChangeSetCommand).resolves(changeSetAnswer('CREATE_IN_PROGRESS'));

    const result = await plan({ timeoutMs: 60_000 });

    expect(result.kind).toBe('timed-out');
  });

  it('passes AWS errors other than a missing stack through to the caller', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(new Error('socket hang up'));
    await expect(plan()).rejects.toThrow('socket hang up');
  });
});
