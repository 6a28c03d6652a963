import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  UpdateTerminationProtectionCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { deployStack } from '../../../src/aws/cloudformation/deploy-stack.js';
import type { DeployStackParams } from '../../../src/aws/cloudformation/deploy-stack.js';
import type { ChangeSetSummary } from '../../../src/aws/cloudformation/summarize-change-set.js';
import {
  API_OUTPUTS,
  CHANGE_SET_ID,
  CHANGE_SET_NAME,
  EMPTY_CHANGE_SET_REASON,
  NEW_STACK_ID,
  PREVIOUS_DEPLOY_EVENTS,
  REGION,
  STACK_ID,
  STACK_NAME,
  awsError,
  changeSetAnswer,
  describeStacksAnswer,
  eventsAnswer,
  resourceChange,
  stackDoesNotExist,
  stackEvent,
  stackItself,
} from './helpers/cloudformation-fixtures.js';
import { scriptStackOperation } from './helpers/scripted-stack.js';
import { collectLog, virtualClock } from './helpers/virtual-clock.js';

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: REGION });

function deploy(overrides: Partial<DeployStackParams> = {}) {
  const clock = virtualClock();
  const output = collectLog();
  const result = deployStack({
    cfn,
    stackName: STACK_NAME,
    templateBody: '{"Resources":{"OrdersQueue":{"Type":"AWS::SQS::Queue"}}}',
    parameters: { Stage: 'staging' },
    tags: { 'implementation-agent:sha': '3f9c2d1' },
    recreateRolledBackStack: false,
    terminationProtection: false,
    changeSetName: CHANGE_SET_NAME,
    dryRun: false,
    timeoutMs: 1_800_000,
    sleep: clock.sleep,
    now: clock.now,
    log: output.log,
    ...overrides,
  });
  return { result, lines: output.lines };
}

const createEvents = [
  stackItself('CREATE_IN_PROGRESS', 10, 'User Initiated'),
  stackEvent({
    logicalId: 'OrdersQueue',
    resourceType: 'AWS::SQS::Queue',
    status: 'CREATE_IN_PROGRESS',
    second: 12,
  }),
  stackEvent({
    logicalId: 'OrdersQueue',
    resourceType: 'AWS::SQS::Queue',
    status: 'CREATE_COMPLETE',
    second: 40,
  }),
  stackItself('CREATE_COMPLETE', 42),
];

beforeEach(() => {
  cfnMock.reset();
  cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
  cfnMock.on(ExecuteChangeSetCommand).resolves({});
  cfnMock.on(DeleteChangeSetCommand).resolves({});
  cfnMock.on(DeleteStackCommand).resolves({});
  cfnMock.on(UpdateTerminationProtectionCommand).resolves({ StackId: STACK_ID });
});

describe('deployStack', () => {
  it('creates a new stack and ends in success with the environment URL from its outputs', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .rejectsOnce(stackDoesNotExist())
      .resolvesOnce(describeStacksAnswer('CREATE_IN_PROGRESS'))
      .resolves(describeStacksAnswer('CREATE_COMPLETE', { Outputs: API_OUTPUTS }));
    cfnMock
      .on(DescribeStackEventsCommand)
      .resolvesOnce(eventsAnswer([stackItself('REVIEW_IN_PROGRESS', 1, 'User Initiated')]))
      .resolvesOnce(
        eventsAnswer([stackItself('REVIEW_IN_PROGRESS', 1, 'User Initiated'), ...createEvents.slice(0, 2)]),
      )
      .resolves(eventsAnswer([stackItself('REVIEW_IN_PROGRESS', 1, 'User Initiated'), ...createEvents]));
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Add', 'OrdersQueue', 'AWS::SQS::Queue')],
      }),
    );

    const result = await deploy().result;

    expect(result).toMatchObject({
      reason: 'deployed',
      finalStatus: 'success',
      stackStatus: 'CREATE_COMPLETE',
      changeSetType: 'CREATE',
      environmentUrl: 'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod',
      warnings: [],
    });
    expect(result.changeSummary?.countsLine).toBe('1 to add, 0 to modify, 0 to remove');
  });

  it('updates an existing stack, posting the summary before anything executes', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        { status: 'UPDATE_IN_PROGRESS', events: [stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated')] },
        { status: 'UPDATE_COMPLETE', events: [stackItself('UPDATE_COMPLETE', 50)], outputs: API_OUTPUTS },
      ],
    });
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [
          resourceChange('Modify', 'OrdersTable', 'AWS::DynamoDB::Table', 'True'),
          resourceChange('Add', 'OrdersAlarm', 'AWS::CloudWatch::Alarm'),
        ],
      }),
    );
    const posted: ChangeSetSummary[] = [];
    let executedWhenPosted = -1;
    const onChangeSet = async (summary: ChangeSetSummary) => {
      executedWhenPosted = cfnMock.commandCalls(ExecuteChangeSetCommand).length;
      posted.push(summary);
    };

    const result = await deploy({ onChangeSet }).result;

    expect(result).toMatchObject({ reason: 'deployed', finalStatus: 'success', changeSetType: 'UPDATE' });
    expect(posted.map((summary) => summary.countsLine)).toEqual([
      '1 to add, 1 to modify (1 replacement), 0 to remove',
    ]);
    expect(executedWhenPosted).toBe(0);
  });

  it('turns an empty change set into a successful no-op that still reports the environment URL', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolves(describeStacksAnswer('UPDATE_COMPLETE', { Outputs: API_OUTPUTS }));
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolves(changeSetAnswer('FAILED', { StatusReason: EMPTY_CHANGE_SET_REASON }));

    const result = await deploy({ terminationProtection: true }).result;

    expect(result).toMatchObject({
      reason: 'no-changes',
      finalStatus: 'success',
      environmentUrl: 'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod',
    });
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(UpdateTerminationProtectionCommand)).toHaveLength(1);
  });

  it('ends a failed update in failure naming the failing resource and its reason', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          statusReason: 'The following resource(s) failed to update: [OrdersFunction].',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackEvent({
              logicalId: 'OrdersFunction',
              resourceType: 'AWS::Lambda::Function',
              status: 'UPDATE_FAILED',
              second: 20,
              reason:
                'Resource handler returned message: "The runtime parameter of nodejs14.x is no longer supported"',
            }),
            stackItself(
              'UPDATE_ROLLBACK_IN_PROGRESS',
              21,
              'The following resource(s) failed to update: [OrdersFunction].',
            ),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 60),
          ],
        },
      ],
    });
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Modify', 'OrdersFunction', 'AWS::Lambda::Function', 'False')],
      }),
    );

    const result = await deploy({ terminationProtection: true }).result;

    expect(result).toMatchObject({
      reason: 'failed',
      finalStatus: 'failure',
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      failingResource: { logicalId: 'OrdersFunction', status: 'UPDATE_FAILED' },
    });
    expect(result.message).toContain('nodejs14.x is no longer supported');
    expect(cfnMock.commandCalls(UpdateTerminationProtectionCommand)).toHaveLength(0);
  });

  it('recreates a ROLLBACK_COMPLETE stack when allowed and deploys it', async () => {
    cfnMock
      .on(DescribeStacksCommand, { StackName: STACK_NAME })
      .resolvesOnce(describeStacksAnswer('ROLLBACK_COMPLETE'))
      .resolvesOnce(describeStacksAnswer('CREATE_IN_PROGRESS', { StackId: NEW_STACK_ID }))
      .resolves(describeStacksAnswer('CREATE_COMPLETE', { StackId: NEW_STACK_ID, Outputs: API_OUTPUTS }))
      .on(DescribeStacksCommand, { StackName: STACK_ID })
      .resolves(describeStacksAnswer('DELETE_COMPLETE'));
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: NEW_STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Add', 'OrdersQueue', 'AWS::SQS::Queue')],
      }),
    );
    cfnMock
      .on(DescribeStackEventsCommand)
      .resolvesOnce(eventsAnswer([]))
      .resolvesOnce(eventsAnswer(createEvents.slice(0, 2)))
      .resolves(eventsAnswer(createEvents));

    const result = await deploy({ recreateRolledBackStack: true }).result;

    expect(cfnMock.commandCalls(DeleteStackCommand)[0]?.args[0].input).toEqual({ StackName: STACK_ID });
    expect(result).toMatchObject({ reason: 'deployed', finalStatus: 'success', changeSetType: 'CREATE' });
  });

  it('ends blocked, as a failure with what to do, for a ROLLBACK_COMPLETE stack it may not recreate', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('ROLLBACK_COMPLETE'));

    const result = await deploy().result;

    expect(result).toMatchObject({
      reason: 'blocked',
      finalStatus: 'failure',
      stackStatus: 'ROLLBACK_COMPLETE',
    });
    expect(result.message).toContain('delete-stack');
  });

  it('ends a deploy still running at the deadline as timed-out, a failure', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        { status: 'UPDATE_IN_PROGRESS', events: [stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated')] },
      ],
    });
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Add', 'OrdersQueue', 'AWS::SQS::Queue')],
      }),
    );

    const result = await deploy({ timeoutMs: 600_000 }).result;

    expect(result).toMatchObject({
      reason: 'timed-out',
      finalStatus: 'failure',
      stackStatus: 'UPDATE_IN_PROGRESS',
    });
    expect(result.message).toContain('timed out after 10 min');
  });

  it('on a dry run, computes and reports the change set, deletes it and never executes', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Remove', 'LegacyTopic', 'AWS::SNS::Topic')],
      }),
    );
    const posted: string[] = [];

    const result = await deploy({
      dryRun: true,
      terminationProtection: true,
      onChangeSet: async (summary) => void posted.push(summary.markdown),
    }).result;

    expect(result).toMatchObject({ reason: 'dry-run', finalStatus: 'success', changeSetType: 'UPDATE' });
    expect(posted[0]).toContain('| Remove | LegacyTopic | AWS::SNS::Topic |');
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)[0]?.args[0].input).toEqual({
      ChangeSetName: CHANGE_SET_ID,
    });
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(UpdateTerminationProtectionCommand)).toHaveLength(0);
  });

  it('on a dry run of a new stack, also removes the empty stack the CREATE change set reserved', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(stackDoesNotExist());
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Add', 'OrdersQueue', 'AWS::SQS::Queue')],
      }),
    );

    const result = await deploy({ dryRun: true }).result;

    expect(result.reason).toBe('dry-run');
    expect(cfnMock.commandCalls(DeleteStackCommand)[0]?.args[0].input).toEqual({ StackName: STACK_ID });
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });

  it('turns on termination protection after a successful deploy when asked', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackItself('UPDATE_COMPLETE', 30),
          ],
        },
      ],
    });
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Add', 'OrdersQueue', 'AWS::SQS::Queue')],
      }),
    );

    const result = await deploy({ terminationProtection: true }).result;

    expect(result.reason).toBe('deployed');
    expect(cfnMock.commandCalls(UpdateTerminationProtectionCommand)[0]?.args[0].input).toEqual({
      StackName: STACK_NAME,
      EnableTerminationProtection: true,
    });
  });

  it('keeps a successful deploy successful when termination protection fails, with a warning', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolves(changeSetAnswer('FAILED', { StatusReason: 'No updates are to be performed.' }));
    cfnMock
      .on(UpdateTerminationProtectionCommand)
      .rejects(
        awsError(
          'AccessDenied',
          'User: arn:aws:sts::123456789012:assumed-role/deploy/run is not authorized to perform: cloudformation:UpdateTerminationProtection on resource: x',
        ),
      );

    const result = await deploy({ terminationProtection: true }).result;

    expect(result.finalStatus).toBe('success');
    expect(result.warnings[0]).toContain('cloudformation:UpdateTerminationProtection');
  });

  it('turns a thrown AWS error into a failed result with its name and advice', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock
      .on(CreateChangeSetCommand)
      .rejects(
        awsError(
          'AccessDenied',
          'User: arn:aws:sts::123456789012:assumed-role/deploy/GitHubActions is not authorized to perform: cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:ap-southeast-2:123456789012:stack/orders-api-staging/*',
        ),
      );

    const result = await deploy().result;

    expect(result).toMatchObject({
      reason: 'failed',
      finalStatus: 'failure',
      error: { name: 'AccessDenied' },
    });
    // The message is markdown: our advice names the action as code, AWS's text is shown literally.
    expect(result.message).toContain('missing permission for `cloudformation:CreateChangeSet`');
    expect(result.message).toContain('stack/orders-api-staging/\\*.');
  });

  it('reports a change set CloudFormation rejected as a failure with its reason', async () => {
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolves(
        changeSetAnswer('FAILED', { StatusReason: 'Requires capabilities : [CAPABILITY_NAMED_IAM]' }),
      );

    const result = await deploy().result;

    expect(result).toMatchObject({ reason: 'failed', finalStatus: 'failure', changeSetId: CHANGE_SET_ID });
    expect(result.message).toContain('CAPABILITY_NAMED_IAM');
  });

  it('on a dry run, deletes a change set CloudFormation rejected along with the stack it reserved', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(stackDoesNotExist());
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('FAILED', {
        StatusReason:
          'Template format error: Unresolved resource dependencies [Topic] in the Resources block of the template',
      }),
    );

    const result = await deploy({ dryRun: true }).result;

    expect(result).toMatchObject({ reason: 'failed', finalStatus: 'failure' });
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(cfnMock.commandCalls(DeleteStackCommand)[0]?.args[0].input).toEqual({ StackName: STACK_ID });
  });
});
