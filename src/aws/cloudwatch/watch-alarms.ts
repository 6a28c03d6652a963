import { DescribeAlarmsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { pollUntil, type Now, type Sleep } from '../cloudformation/poll-until.js';
import { describeTransientError } from '../describe-transient-error.js';

export type CloudWatchApi = Pick<CloudWatchClient, 'send'>;

export type BakeOutcome =
  /** `unseenEnd`: the last look failed transiently, so the window's last minutes went unseen. */
  | { readonly kind: 'quiet'; readonly minutes: number; readonly unseenEnd?: string }
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
  const names = params.alarmArns.map(alarmNameOf);
  log(`Baking for ${Math.round(params.durationMs / 60_000)} minute(s), watching ${names.join(', ')}`);
  // A throttled or failed look is not an alarm: it is retried at the next poll, until the window ends.
  const outcome = await pollUntil({
    deadline: start + params.durationMs,
    backoff: { initialDelayMs: pollMs, maxDelayMs: pollMs },
    sleep,
    now,
    onTransientError: (error) => log(describeTransientError(error)),
    check: async () => {
      const answer = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: names }));
      const firing = [...(answer.MetricAlarms ?? []), ...(answer.CompositeAlarms ?? [])]
        .filter((alarm) => alarm.StateValue === 'ALARM')
        .map((alarm) => alarm.AlarmName ?? 'unnamed alarm');
      return firing.length > 0 ? firing : undefined;
    },
  });
  if (!outcome.done) {
    const minutes = Math.round(params.durationMs / 60_000);
    const { lastError } = outcome;
    if (lastError === undefined) return { kind: 'quiet', minutes };
    return {
      kind: 'quiet',
      minutes,
      unseenEnd: lastError instanceof Error ? lastError.name : String(lastError),
    };
  }
  log(`Alarm during the bake window: ${outcome.value.join(', ')}`);
  return { kind: 'alarm', alarms: outcome.value, afterSeconds: Math.round((now() - start) / 1000) };
}
