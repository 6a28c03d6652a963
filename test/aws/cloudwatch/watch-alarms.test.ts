import { CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { alarmNameOf, watchAlarms } from '../../../src/aws/cloudwatch/watch-alarms.js';
import { collectLog, virtualClock } from '../cloudformation/helpers/virtual-clock.js';

const cloudwatchMock = mockClient(CloudWatchClient);
const ARN = 'arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:orders-api-5xx';

const alarm = (state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'): MetricAlarm => ({
  AlarmName: 'orders-api-5xx',
  AlarmArn: ARN,
  StateValue: state,
  StateReason:
    state === 'ALARM' ? 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).' : 'ok',
  StateUpdatedTimestamp: new Date('2026-11-24T10:00:00Z'),
});

function watch(durationMs: number) {
  const clock = virtualClock();
  const output = collectLog();
  const result = watchAlarms({
    cloudwatch: new CloudWatchClient({ region: 'ap-southeast-2' }),
    alarmArns: [ARN],
    durationMs,
    sleep: clock.sleep,
    now: clock.now,
    log: output.log,
  });
  return { result, clock, lines: output.lines };
}

beforeEach(() => cloudwatchMock.reset());

describe('watchAlarms', () => {
  it('stays quiet for the whole window when no alarm fires, polling every 30 s', async () => {
    cloudwatchMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [alarm('OK')] });

    const { result, clock } = watch(120_000);

    expect(await result).toEqual({ kind: 'quiet', minutes: 2 });
    expect(clock.sleeps).toEqual([30_000, 30_000, 30_000, 30_000]);
    expect(cloudwatchMock.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input).toEqual({
      AlarmNames: ['orders-api-5xx'],
    });
  });

  it('ends at the first check that finds an alarm firing, naming it', async () => {
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [alarm('OK')] })
      .resolvesOnce({ MetricAlarms: [alarm('INSUFFICIENT_DATA')] })
      .resolves({ MetricAlarms: [alarm('ALARM')] });

    const { result, lines } = watch(600_000);

    expect(await result).toEqual({ kind: 'alarm', alarms: ['orders-api-5xx'], afterSeconds: 60 });
    expect(lines.at(-1)).toBe('Alarm during the bake window: orders-api-5xx');
  });

  it('retries a throttled look at the next poll instead of ending the bake', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .rejectsOnce(throttled)
      .resolvesOnce({ MetricAlarms: [alarm('OK')] })
      .resolves({ MetricAlarms: [alarm('ALARM')] });

    const { result, lines } = watch(600_000);

    expect(await result).toEqual({ kind: 'alarm', alarms: ['orders-api-5xx'], afterSeconds: 60 });
    expect(lines).toContain('AWS answered Throttling: Rate exceeded; checking again');
  });

  it('says when the end of the window went unseen because the last look was throttled', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [alarm('OK')] })
      .rejects(throttled);

    const { result } = watch(60_000);

    expect(await result).toEqual({ kind: 'quiet', minutes: 1, unseenEnd: 'Throttling' });
  });

  it('reads the alarm name from its ARN', () => {
    expect(alarmNameOf(ARN)).toBe('orders-api-5xx');
    expect(alarmNameOf('arn:aws:cloudwatch:us-east-1:1:alarm:name:with:colons')).toBe('name:with:colons');
  });
});
