import {
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  GetDeploymentCommand,
  ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForTrafficShift } from '../../../src/aws/codedeploy/wait-for-traffic-shift.js';
import { collectLog, virtualClock } from '../cloudformation/helpers/virtual-clock.js';
import {
  ALARM_MESSAGE,
  DEPLOYMENT_ID,
  FUNCTION_NAME,
  LINEAR,
  REGION,
  ROLLBACK_DEPLOYMENT_ID,
  TARGET_ID,
  at,
  deploymentInfo,
  lifecycleEvent,
} from './helpers/codedeploy-fixtures.js';
import { scriptDeployment } from './helpers/scripted-deployment.js';

const codedeployMock = mockClient(CodeDeployClient);
const codedeploy = new CodeDeployClient({ region: REGION });

function run(timeoutMs = 1_800_000) {
  const clock = virtualClock();
  const output = collectLog();
  const result = waitForTrafficShift({
    codedeploy,
    deploymentId: DEPLOYMENT_ID,
    sleep: clock.sleep,
    now: clock.now,
    timeoutMs,
    log: output.log,
  });
  return { result, lines: output.lines, clock };
}

const hooksPassed = [
  lifecycleEvent({ name: 'BeforeAllowTraffic', status: 'Succeeded' }),
  lifecycleEvent({ name: 'AllowTraffic', status: 'InProgress' }),
  lifecycleEvent({ name: 'AfterAllowTraffic', status: 'Pending' }),
];

beforeEach(() => {
  codedeployMock.reset();
});

describe('waitForTrafficShift', () => {
  it('follows a canary from 10% to 100% and reports success with the final traffic', async () => {
    scriptDeployment({
      codedeployMock,
      steps: [
        { info: deploymentInfo('Created') },
        {
          info: deploymentInfo('InProgress'),
          target: { status: 'InProgress', weight: 0.1, lifecycleEvents: hooksPassed },
        },
        {
          info: deploymentInfo('InProgress'),
          target: { status: 'InProgress', weight: 0.1, lifecycleEvents: hooksPassed },
        },
        {
          info: deploymentInfo('Succeeded', { completeTime: at(340) }),
          target: {
            status: 'Succeeded',
            weight: 1,
            lifecycleEvents: [
              lifecycleEvent({ name: 'BeforeAllowTraffic', status: 'Succeeded' }),
              lifecycleEvent({ name: 'AllowTraffic', status: 'Succeeded' }),
              lifecycleEvent({ name: 'AfterAllowTraffic', status: 'Succeeded' }),
            ],
          },
        },
      ],
    });

    const { result, lines, clock } = run();

    expect(await result).toEqual({
      kind: 'succeeded',
      deploymentId: DEPLOYMENT_ID,
      deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      strategyLabel: 'canary, Canary10Percent5Minutes',
      lastStatus: 'Succeeded',
      target: {
        functionName: FUNCTION_NAME,
        alias: 'live',
        currentVersion: '6',
        targetVersion: '7',
        weightPercent: 100,
      },
    });
    expect(lines).toEqual([
      `CodeDeploy deployment d-ABCDEF123 (orders-api-staging-OrdersFunctionDeploymentGroup-7G8H9I0J1K2L): Created`,
      `CodeDeploy deployment d-ABCDEF123 (orders-api-staging-OrdersFunctionDeploymentGroup-7G8H9I0J1K2L): InProgress`,
      'Shifting traffic: 10% on version 7 (canary, Canary10Percent5Minutes)',
      `CodeDeploy deployment d-ABCDEF123 (orders-api-staging-OrdersFunctionDeploymentGroup-7G8H9I0J1K2L): Succeeded`,
      'Shifting traffic: 100% on version 7 (canary, Canary10Percent5Minutes)',
    ]);
    expect(clock.sleeps).toEqual([3_000, 6_000, 12_000]);
    expect(codedeployMock.commandCalls(GetDeploymentCommand).map((call) => call.args[0].input)).toEqual(
      Array.from({ length: 4 }, () => ({ deploymentId: DEPLOYMENT_ID })),
    );
    // The alias is not a target before the deployment starts; once listed, its id is reused.
    expect(
      codedeployMock.commandCalls(ListDeploymentTargetsCommand).map((call) => call.args[0].input),
    ).toEqual([{ deploymentId: DEPLOYMENT_ID }]);
    expect(codedeployMock.commandCalls(BatchGetDeploymentTargetsCommand)[0]?.args[0].input).toEqual({
      deploymentId: DEPLOYMENT_ID,
      targetIds: [TARGET_ID],
    });
  });

  it('logs a linear shift once per step however often each step is polled', async () => {
    const weights = [0.1, 0.1, 0.2, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.7, 0.8, 0.9];
    scriptDeployment({
      codedeployMock,
      steps: [
        ...weights.map((weight) => ({
          info: deploymentInfo('InProgress', { deploymentConfigName: LINEAR }),
          target: { status: 'InProgress' as const, weight, lifecycleEvents: hooksPassed },
        })),
        {
          info: deploymentInfo('Succeeded', { deploymentConfigName: LINEAR }),
          target: { status: 'Succeeded', weight: 1 },
        },
      ],
    });

    const { result, lines } = run();

    expect((await result).kind).toBe('succeeded');
    const shifts = lines.filter((line) => line.startsWith('Shifting traffic'));
    expect(shifts).toEqual(
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map(
        (percent) => `Shifting traffic: ${percent}% on version 7 (linear, Linear10PercentEvery1Minute)`,
      ),
    );
  });

  it("reports CodeDeploy's rollback when an alarm fires, naming the alarm and the rollback deployment", async () => {
    scriptDeployment({
      codedeployMock,
      steps: [
        {
          info: deploymentInfo('InProgress'),
          target: { status: 'InProgress', weight: 0.1, lifecycleEvents: hooksPassed },
        },
        {
          info: deploymentInfo('Stopped', {
            completeTime: at(160),
            errorInformation: { code: 'ALARM_ACTIVE', message: ALARM_MESSAGE },
            rollbackInfo: {
              rollbackDeploymentId: ROLLBACK_DEPLOYMENT_ID,
              rollbackMessage: `Deployment ${DEPLOYMENT_ID} was stopped because an alarm fired; automatic rollback started as deployment ${ROLLBACK_DEPLOYMENT_ID}.`,
            },
          }),
          target: { status: 'Failed', weight: 0, lifecycleEvents: hooksPassed },
        },
      ],
    });

    const { result, lines } = run();

    expect(await result).toEqual({
      kind: 'rolled-back',
      reason: ALARM_MESSAGE,
      errorCode: 'ALARM_ACTIVE',
      rollbackDeploymentId: ROLLBACK_DEPLOYMENT_ID,
      rollbackMessage: `Deployment ${DEPLOYMENT_ID} was stopped because an alarm fired; automatic rollback started as deployment ${ROLLBACK_DEPLOYMENT_ID}.`,
      alarms: ['OrdersApi-errors'],
      deploymentId: DEPLOYMENT_ID,
      deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      strategyLabel: 'canary, Canary10Percent5Minutes',
      lastStatus: 'Stopped',
      target: {
        functionName: FUNCTION_NAME,
        alias: 'live',
        currentVersion: '6',
        targetVersion: '7',
        weightPercent: 0,
      },
    });
    expect(lines.slice(-2)).toEqual([
      `CodeDeploy deployment d-ABCDEF123 (orders-api-staging-OrdersFunctionDeploymentGroup-7G8H9I0J1K2L): Stopped`,
      'Shifting traffic: 0% on version 7 (canary, Canary10Percent5Minutes)',
    ]);
  });

  it('names every alarm when several fired, and counts a stop on alarm as a rollback before the rollback deployment is named', async () => {
    scriptDeployment({
      codedeployMock,
      steps: [
        {
          info: deploymentInfo('Stopped', {
            errorInformation: {
              code: 'ALARM_ACTIVE',
              message: ALARM_MESSAGE.replace(
                '<OrdersApi-errors>',
                '<OrdersApi-errors> <OrdersApi-p99-latency>',
              ),
            },
          }),
          target: { status: 'Failed', weight: 0 },
        },
      ],
    });

    const outcome = await run().result;

    expect(outcome.kind).toBe('rolled-back');
    expect(outcome.kind === 'rolled-back' && outcome.alarms).toEqual([
      'OrdersApi-errors',
      'OrdersApi-p99-latency',
    ]);
    expect(outcome.kind === 'rolled-back' && outcome.rollbackDeploymentId).toBeUndefined();
  });

  it('reports a failed BeforeAllowTraffic hook with its diagnostics, before any traffic moved', async () => {
    const hookMessage = 'The hook function reported Failed: smoke test GET /orders returned 500';
    scriptDeployment({
      codedeployMock,
      steps: [
        {
          info: deploymentInfo('InProgress'),
          target: {
            status: 'InProgress',
            weight: 0,
            lifecycleEvents: [lifecycleEvent({ name: 'BeforeAllowTraffic', status: 'InProgress' })],
          },
        },
        {
          info: deploymentInfo('Failed', {
            autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_ALARM'] },
            errorInformation: {
              code: 'HOOK_EXECUTION_FAILURE',
              message: 'The deployment failed because one or more lifecycle event hooks failed.',
            },
          }),
          target: {
            status: 'Failed',
            weight: 0,
            lifecycleEvents: [
              lifecycleEvent({
                name: 'BeforeAllowTraffic',
                status: 'Failed',
                diagnostics: { errorCode: 'ScriptFailed', message: hookMessage },
              }),
              lifecycleEvent({ name: 'AllowTraffic', status: 'Skipped' }),
              lifecycleEvent({ name: 'AfterAllowTraffic', status: 'Skipped' }),
            ],
          },
        },
      ],
    });

    const { result, lines } = run();

    expect(await result).toMatchObject({
      kind: 'failed',
      errorCode: 'HOOK_EXECUTION_FAILURE',
      reason: `BeforeAllowTraffic hook failed: ${hookMessage} (The deployment failed because one or more lifecycle event hooks failed.)`,
      lastStatus: 'Failed',
      target: { weightPercent: 0, failedHook: { name: 'BeforeAllowTraffic', message: hookMessage } },
    });
    expect(lines.filter((line) => line.startsWith('Shifting traffic'))).toEqual([
      'Shifting traffic: 0% on version 7 (canary, Canary10Percent5Minutes)',
    ]);
  });

  it('counts a failure as rolled back when the group rolls back on failure', async () => {
    scriptDeployment({
      codedeployMock,
      steps: [
        {
          info: deploymentInfo('Failed', {
            errorInformation: { code: 'HOOK_EXECUTION_FAILURE', message: 'A lifecycle event hook failed.' },
          }),
          target: { status: 'Failed', weight: 0 },
        },
      ],
    });

    expect((await run().result).kind).toBe('rolled-back');
  });

  it('reports a manual stop without automatic rollback as stopped', async () => {
    scriptDeployment({
      codedeployMock,
      steps: [
        {
          info: deploymentInfo('Stopped', {
            errorInformation: { code: 'MANUAL_STOP', message: 'The deployment was stopped by a user.' },
          }),
          target: { status: 'Failed', weight: 0.1 },
        },
      ],
    });

    expect(await run().result).toMatchObject({
      kind: 'stopped',
      errorCode: 'MANUAL_STOP',
      reason: 'The deployment was stopped by a user.',
    });
  });

  it('times out at the deadline, never sleeping past it, with the last status and weight', async () => {
    scriptDeployment({
      codedeployMock,
      steps: [{ info: deploymentInfo('InProgress'), target: { status: 'InProgress', weight: 0.1 } }],
    });

    const { result, clock } = run(60_000);

    expect(await result).toMatchObject({
      kind: 'timed-out',
      deploymentId: DEPLOYMENT_ID,
      lastStatus: 'InProgress',
      target: { weightPercent: 10 },
    });
    expect(clock.elapsed()).toBe(60_000);
    expect(Math.max(...clock.sleeps)).toBe(15_000);
  });
});
