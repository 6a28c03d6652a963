import type { TrafficShift } from '../../cfn/shift-of-config.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import type { ChecksAlarmWindow } from './checks-alarm-window.js';

/**
 * What the release's error alarm can observe of a scheduled canary: CodeDeploy watches the alias's
 * error alarm only while it shifts traffic (a canary's wait; a linear shift's steps), and only the schedule invokes
 * the canary. When runs are further apart than that (a daily canary; a 5-minute canary step),
 * the new version is normally first invoked after it holds all traffic, so its failure rolls
 * nothing back: said as a gap of the strategy row, never counted as a gated release.
 */
export function releaseObservationGaps(params: {
  readonly shifting: TrafficShifting;
  readonly schedule: string;
  readonly window: ChecksAlarmWindow;
}): string[] {
  const { shifting, schedule, window } = params;
  if (shifting.configName === undefined) return [];
  const watchedSeconds = shiftSeconds(shifting.shift);
  const interval = window.intervalSeconds;
  if (interval !== undefined && interval <= watchedSeconds) return [];
  const watched =
    watchedSeconds === 0
      ? 'no time at all (traffic moves at once)'
      : `the ${shifting.shift.minutes}-minute first step`;
  return [
    `the release's error alarm (CanaryFunctionErrorAlarm) can observe only runs during ${watched}, and CanarySchedule runs ${schedule}: a new version is normally first invoked after it takes all traffic, so a version that fails is not rolled back by CodeDeploy; ChecksFailedAlarm and the function's errors show it at the next run. A pre-traffic hook (BeforeAllowTrafficHook) invoking the new version once would test it before traffic moves`,
  ];
}

/** How long a shift takes: a canary's one wait; a linear shift's waits between its steps. */
function shiftSeconds(shift: TrafficShift): number {
  if (shift.mode === 'canary') return shift.minutes * 60;
  if (shift.mode === 'linear') return shift.minutes * 60 * (Math.ceil(100 / Math.max(1, shift.percent)) - 1);
  return 0;
}
