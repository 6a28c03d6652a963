import { DescribeAlarmsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Now, Sleep } from '../cloudformation/poll-until.js';

export type CloudWatchApi = Pick<CloudWatchClient, 'send'>;

export type BakeOutcome =
  | { readonly kind: 'quiet'; readonly minutes: number }
  | { readonly kind: 'alarm'; readonly alarms: readonly string[]; readonly afterSeconds: number };

/** An alarm ARN ends with `alarm:<name>`; DescribeAlarms takes names. */
export function alarmNameOf(arn: string): string {
  return arn.slice(arn.indexOf(':alarm:') + ':alarm:'.length);
}

/**
 * The bake window: after a deploy succeeds, watch the environment's alarms for `durationMs`,
 * checking every `pollMs`; the first check that finds one in ALARM ends the watch.
 */
export async function watchAlarms(params: {
  cloudwatch: CloudWatchApi;
  alarmArns: readonly string[];
  durationMs: number;
  pollMs?: number;
  sleep: Sleep;
  now: Now;
  log: (line: string) => void;
}): Promise<BakeOutcome> {
  const { cloudwatch, sleep, now, log } = params;
  const pollMs = params.pollMs ?? 30_000;
  const start = now();
  const end = start + params.durationMs;
  const names = params.alarmArns.map(alarmNameOf);
  log(`Baking for ${Math.round(params.durationMs / 60_000)} minute(s), watching ${names.join(', ')}`);
  for (;;) {
    const answer = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: names }));
    const firing = [...(answer.MetricAlarms ?? []), ...(answer.CompositeAlarms ?? [])]
      .filter((alarm) => alarm.StateValue === 'ALARM')
      .map((alarm) => alarm.AlarmName ?? 'unnamed alarm');
    if (firing.length > 0) {
      log(`Alarm during the bake window: ${firing.join(', ')}`);
      return { kind: 'alarm', alarms: firing, afterSeconds: Math.round((now() - start) / 1000) };
    }
    const left = end - now();
    if (left <= 0) return { kind: 'quiet', minutes: Math.round(params.durationMs / 60_000) };
    await sleep(Math.min(pollMs, left));
  }
}
