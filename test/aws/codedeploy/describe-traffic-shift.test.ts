import { describeTrafficShift } from '../../../src/aws/codedeploy/describe-traffic-shift.js';
import type { TrafficShiftResult } from '../../../src/aws/codedeploy/wait-for-traffic-shift.js';
import {
  ALARM_MESSAGE,
  DEPLOYMENT_ID,
  FUNCTION_NAME,
  ROLLBACK_DEPLOYMENT_ID,
} from './helpers/codedeploy-fixtures.js';

const facts = {
  deploymentId: DEPLOYMENT_ID,
  deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
  strategyLabel: 'canary, Canary10Percent5Minutes',
};
const target = (weightPercent: number) => ({
  functionName: FUNCTION_NAME,
  alias: 'live',
  currentVersion: '6',
  targetVersion: '7',
  weightPercent,
});

describe('describeTrafficShift', () => {
  it('says what shifted, on which alias and version, by which deployment', () => {
    const result: TrafficShiftResult = {
      kind: 'succeeded',
      ...facts,
      lastStatus: 'Succeeded',
      target: target(100),
    };

    expect(describeTrafficShift(result)).toEqual([
      '**Traffic shifted** by CodeDeploy deployment `d-ABCDEF123` (canary, Canary10Percent5Minutes).',
      `- Traffic: 100% of \`${FUNCTION_NAME}:live\` on version 7, the rest on version 6`,
    ]);
  });

  it('says what rolled back, why, which alarms fired and which deployment rolled it back', () => {
    const result: TrafficShiftResult = {
      kind: 'rolled-back',
      reason: ALARM_MESSAGE,
      errorCode: 'ALARM_ACTIVE',
      alarms: ['OrdersApi-errors', 'OrdersApi-p99-latency'],
      rollbackDeploymentId: ROLLBACK_DEPLOYMENT_ID,
      ...facts,
      lastStatus: 'Stopped',
      target: target(0),
    };

    const lines = describeTrafficShift(result);

    expect(lines[0]).toBe(
      '**Rolled back by CodeDeploy**: CodeDeploy deployment `d-ABCDEF123` (canary, Canary10Percent5Minutes) was stopped and its traffic sent back.',
    );
    // AWS's `<alarm>` is shown literally, not read as an HTML tag.
    expect(lines).toContain(`- Why: ${ALARM_MESSAGE.replace('<', '&lt;')}`);
    expect(lines).toContain('- Alarms: `OrdersApi-errors`, `OrdersApi-p99-latency`');
    expect(lines).toContain('- Rollback deployment: `d-RB7K2M9QX`');
    expect(lines.at(-1)).toBe(
      `- Traffic: 0% of \`${FUNCTION_NAME}:live\` on version 7, the rest on version 6`,
    );
  });

  it('keeps a multi-line AWS reason on one list item', () => {
    const lines = describeTrafficShift({
      kind: 'failed',
      reason: 'BeforeAllowTraffic hook failed:\n  smoke test returned 500',
      ...facts,
      lastStatus: 'Failed',
    });

    expect(lines).toEqual([
      '**Traffic shift failed**: CodeDeploy deployment `d-ABCDEF123` (canary, Canary10Percent5Minutes) ended Failed.',
      '- Why: BeforeAllowTraffic hook failed: smoke test returned 500',
    ]);
  });

  it('reports a timeout as unfinished, with where traffic stood', () => {
    const lines = describeTrafficShift({
      kind: 'timed-out',
      ...facts,
      lastStatus: 'InProgress',
      target: target(10),
    });

    expect(lines[0]).toMatch(
      /^\*\*Traffic shift timed out\*\*: .*`d-ABCDEF123`.* still InProgress at the deadline/,
    );
    expect(lines[1]).toContain('10% of');
  });

  it('cannot be broken out of inline code by a backtick in an AWS name', () => {
    const lines = describeTrafficShift({
      kind: 'rolled-back',
      reason: 'alarm',
      alarms: ['errors`<script>'],
      deploymentId: DEPLOYMENT_ID,
    });

    expect(lines).toContain('- Alarms: ``errors`<script>``');
  });
});
