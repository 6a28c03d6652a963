import { scheduleIntervalSeconds } from '../../cfn/schedule-interval.js';

/** The period ChecksFailedAlarm uses for a frequent schedule (two runs of the 5-minute default). */
export const DEFAULT_CHECKS_PERIOD_SECONDS = 600;
/** CloudWatch evaluates at most a day of periods (Period × EvaluationPeriods ≤ 86,400 s). */
const MAX_PERIOD_SECONDS = 86_400;

/** How ChecksFailedAlarm looks at the canary's runs. */
export interface ChecksAlarmWindow {
  readonly periodSeconds: number;
  /**
   * True when every period holds at least one run, so a period with no data means the canary
   * stopped reporting (treated as breaching); false when runs are further apart than any period,
   * so an empty period is normal and silence cannot be told from it (treated as not breaching).
   */
  readonly silenceAlarms: boolean;
  /** The longest time between two runs, when the schedule has one (see scheduleIntervalSeconds). */
  readonly intervalSeconds?: number;
}

/**
 * A period long enough to hold one run of the schedule: 10 minutes for frequent runs, the
 * interval itself up to a day (`rate(1 hour)` → 3,600 s, a daily cron → 86,400 s). A schedule whose
 * runs are further apart (weekly, weekdays only) gets a day's period and does not alarm on silence:
 * with `breaching`, every day without a run would alarm.
 */
export function checksAlarmWindow(schedule: string): ChecksAlarmWindow {
  const interval = scheduleIntervalSeconds(schedule);
  if (interval === undefined || interval > MAX_PERIOD_SECONDS)
    return {
      periodSeconds: MAX_PERIOD_SECONDS,
      silenceAlarms: false,
      ...(interval === undefined ? {} : { intervalSeconds: interval }),
    };
  return {
    periodSeconds: Math.max(DEFAULT_CHECKS_PERIOD_SECONDS, interval),
    silenceAlarms: true,
    intervalSeconds: interval,
  };
}
