import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { executeAndWait } from '../../../src/aws/cloudformation/execute-and-wait.js';
import {
  API_OUTPUTS,
  CHANGE_SET_ID,
  PREVIOUS_DEPLOY_EVENTS,
  REGION,
  STACK_NAME,
  stackEvent,
  stackItself,
} from './helpers/cloudformation-fixtures.js';
import { scriptStackOperation } from './helpers/scripted-stack.js';
import { collectLog, virtualClock } from './helpers/virtual-clock.js';

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: REGION });

function run(timeoutMs = 1_800_000) {
  const clock = virtualClock();
  const output = collectLog();
  const result = executeAndWait({
    cfn,
    stackName: STACK_NAME,
    changeSetId: CHANGE_SET_ID,
    sleep: clock.sleep,
    now: clock.now,
    timeoutMs,
    log: output.log,
  });
  return { result, lines: output.lines, clock };
}

const updateStarted = stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated');
const functionUpdating = stackEvent({
  logicalId: 'OrdersFunction',
  resourceType: 'AWS::Lambda::Function',
  status: 'UPDATE_IN_PROGRESS',
  second: 12,
});
const functionUpdated = stackEvent({
  logicalId: 'OrdersFunction',
  resourceType: 'AWS::Lambda::Function',
  status: 'UPDATE_COMPLETE',
  second: 40,
});
const cleanup = stackItself('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 41);
const updateComplete = stackItself('UPDATE_COMPLETE', 45);

beforeEach(() => {
  cfnMock.reset();
  cfnMock.on(ExecuteChangeSetCommand).resolves({});
});

describe('executeAndWait', () => {
  it('executes the change set and returns the outputs and environment URL once the update completes', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_IN_PROGRESS', events: [updateStarted, functionUpdating] },
        { status: 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', events: [functionUpdated, cleanup] },
        { status: 'UPDATE_COMPLETE', events: [updateComplete], outputs: API_OUTPUTS },
      ],
    });

    const { result, clock } = run();

    expect(await result).toEqual({
      kind: 'succeeded',
      stackStatus: 'UPDATE_COMPLETE',
      outputs: {
        OrdersTableName: 'orders-api-staging-OrdersTable-1A2B3C4D5E6F',
        ApiUrl: 'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod',
      },
      environmentUrl: 'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod',
    });
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)[0]?.args[0].input).toEqual({
      ChangeSetName: CHANGE_SET_ID,
    });
    // The default backoff: 2 s, doubling, capped at 5 s so completion is reported within seconds.
    expect(clock.sleeps).toEqual([2_000, 4_000]);
  });

  it('never waits more than 5 s between polls of a long operation, so its end is reported within seconds', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        ...Array.from({ length: 8 }, () => ({ status: 'UPDATE_IN_PROGRESS', events: [updateStarted] })),
        { status: 'UPDATE_COMPLETE', events: [updateComplete], outputs: API_OUTPUTS },
      ],
    });

    const { result, clock } = run();

    expect((await result).kind).toBe('succeeded');
    expect(clock.sleeps).toEqual([2_000, 4_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000]);
  });

  it('logs each new event once, oldest first, and never the history from before', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_IN_PROGRESS', events: [updateStarted, functionUpdating] },
        { status: 'UPDATE_IN_PROGRESS' },
        { status: 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', events: [functionUpdated, cleanup] },
        { status: 'UPDATE_COMPLETE', events: [updateComplete] },
      ],
      pageSize: 2,
    });

    const { result, lines } = run();
    await result;

    const eventLines = lines.filter((line) => /^\d{4}-/.test(line));
    expect(eventLines).toEqual([
      '2024-05-01T10:00:10.000Z UPDATE_IN_PROGRESS AWS::CloudFormation::Stack orders-api-staging - User Initiated',
      '2024-05-01T10:00:12.000Z UPDATE_IN_PROGRESS AWS::Lambda::Function OrdersFunction',
      '2024-05-01T10:00:40.000Z UPDATE_COMPLETE AWS::Lambda::Function OrdersFunction',
      '2024-05-01T10:00:41.000Z UPDATE_COMPLETE_CLEANUP_IN_PROGRESS AWS::CloudFormation::Stack orders-api-staging',
      '2024-05-01T10:00:45.000Z UPDATE_COMPLETE AWS::CloudFormation::Stack orders-api-staging',
    ]);
  });

  it("does not take the previous deploy's UPDATE_COMPLETE, still showing right after execution, as this one's", async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        { status: 'UPDATE_IN_PROGRESS', events: [updateStarted] },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          events: [
            stackEvent({
              logicalId: 'OrdersFunction',
              resourceType: 'AWS::Lambda::Function',
              status: 'UPDATE_FAILED',
              second: 20,
              reason: 'Memory size 20000 is not valid',
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

    const { result } = run();

    expect(await result).toMatchObject({ kind: 'failed', stackStatus: 'UPDATE_ROLLBACK_COMPLETE' });
  });

  it('reports the resource that made the update fail and roll back', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_IN_PROGRESS', events: [updateStarted, functionUpdating] },
        {
          status: 'UPDATE_ROLLBACK_IN_PROGRESS',
          events: [
            stackEvent({
              logicalId: 'OrdersQueue',
              resourceType: 'AWS::SQS::Queue',
              status: 'UPDATE_FAILED',
              second: 19,
              reason: 'Resource update cancelled',
            }),
            stackEvent({
              logicalId: 'OrdersFunction',
              resourceType: 'AWS::Lambda::Function',
              status: 'UPDATE_FAILED',
              second: 20,
              reason:
                'Resource handler returned message: "Value 20000 at \'memorySize\' failed to satisfy constraint: Member must have value less than or equal to 10240"',
            }),
            stackItself(
              'UPDATE_ROLLBACK_IN_PROGRESS',
              21,
              'The following resource(s) failed to update: [OrdersFunction].',
            ),
          ],
        },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          events: [
            stackItself('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 50),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 60),
          ],
        },
      ],
    });

    const { result } = run();

    expect(await result).toEqual({
      kind: 'failed',
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      failingResource: {
        logicalId: 'OrdersFunction',
        resourceType: 'AWS::Lambda::Function',
        status: 'UPDATE_FAILED',
        reason: expect.stringContaining('Member must have value less than or equal to 10240'),
      },
    });
  });

  it('recognises a rollback started by CancelUpdateStack as cancelled', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_IN_PROGRESS', events: [updateStarted, functionUpdating] },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          events: [
            stackItself('UPDATE_ROLLBACK_IN_PROGRESS', 30, 'User Initiated'),
            stackEvent({
              logicalId: 'OrdersFunction',
              resourceType: 'AWS::Lambda::Function',
              status: 'UPDATE_FAILED',
              second: 30,
              reason: 'Resource update cancelled',
            }),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 70),
          ],
        },
      ],
    });

    const { result } = run();

    expect(await result).toMatchObject({ kind: 'cancelled', stackStatus: 'UPDATE_ROLLBACK_COMPLETE' });
  });

  it('ends as timed-out, not as a warning, when the stack is still moving at the deadline', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [{ status: 'UPDATE_IN_PROGRESS', events: [updateStarted, functionUpdating] }],
    });

    const { result, clock } = run(120_000);

    expect(await result).toEqual({ kind: 'timed-out', stackStatus: 'UPDATE_IN_PROGRESS' });
    expect(clock.elapsed()).toBe(120_000);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(30_000);
  });

  it('reads the event baseline before executing, so nothing the execution emits is missed', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [{ status: 'UPDATE_COMPLETE', events: [updateStarted, updateComplete] }],
    });

    await run().result;

    const firstEvents = cfnMock.commandCalls(DescribeStackEventsCommand)[0];
    const execute = cfnMock.commandCalls(ExecuteChangeSetCommand)[0];
    expect(firstEvents?.calledBefore(execute!)).toBe(true);
  });
});
