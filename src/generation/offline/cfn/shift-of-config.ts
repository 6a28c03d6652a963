/** How a release moves traffic: all of it at once, one step then the rest (canary), or equal steps (linear). */
export interface TrafficShift {
  readonly mode: 'all-at-once' | 'canary' | 'linear';
  /** Percent of traffic moved in the first step (canary) or in each step (linear); 100 for all-at-once. */
  readonly percent: number;
  /** Minutes before the rest moves (canary) or between steps (linear); 0 for all-at-once. */
  readonly minutes: number;
}

const CANARY = /^CodeDeployDefault\.LambdaCanary(\d+)Percent(\d+)Minutes?$/;
const LINEAR = /^CodeDeployDefault\.LambdaLinear(\d+)PercentEvery(\d+)Minutes?$/;

/**
 * The shift a predefined CodeDeploy Lambda config makes, read from its name
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-lambda):
 * `LambdaCanary10Percent5Minutes` → canary 10 % then the rest after 5 minutes. Undefined when no
 * config (the function is updated in place, which is all at once) or a name this does not know.
 */
export function shiftOfConfig(configName: string | undefined): TrafficShift | undefined {
  if (configName === undefined || configName === 'CodeDeployDefault.LambdaAllAtOnce')
    return { mode: 'all-at-once', percent: 100, minutes: 0 };
  const canary = CANARY.exec(configName);
  if (canary !== null) return { mode: 'canary', percent: Number(canary[1]), minutes: Number(canary[2]) };
  const linear = LINEAR.exec(configName);
  if (linear !== null) return { mode: 'linear', percent: Number(linear[1]), minutes: Number(linear[2]) };
  return undefined;
}

/** `linear, 10 percent every 1 minute`: the words the coverage table uses for a shift. */
export function describeShift(shift: TrafficShift): string {
  if (shift.mode === 'all-at-once') return 'all traffic at once';
  const unit = shift.minutes === 1 ? 'minute' : 'minutes';
  return shift.mode === 'linear'
    ? `linear, ${shift.percent} percent every ${shift.minutes} ${unit}`
    : `canary, ${shift.percent} percent then the rest after ${shift.minutes} ${unit}`;
}
