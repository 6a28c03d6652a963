import type { DeploymentStrategy } from '../../../core/request/execution-request.js';
import type { RequestedShift } from '../coverage/requested-shift.js';
import type { TemplateMap } from './intrinsics.js';
import type { TrafficShift } from './shift-of-config.js';

/** The CodeDeploy config a release uses: a predefined one by name, or a custom one the template declares. */
export interface ReleaseConfig {
  /** `CodeDeployDefault.LambdaLinear10PercentEvery3Minutes`, or CUSTOM_CONFIG_ID for a custom config. */
  readonly name: string;
  readonly shift: TrafficShift;
  /** The `AWS::CodeDeploy::DeploymentConfig` to declare as CUSTOM_CONFIG_ID, when no predefined config is the shift asked for. */
  readonly custom?: TemplateMap;
}

/** Logical ID of the custom config, which the deployment group references. */
export const CUSTOM_CONFIG_ID = 'ReleaseDeploymentConfig';

/**
 * CodeDeploy's predefined Lambda configs
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-lambda):
 * canary 10 % then the rest after 5, 10, 15 or 30 minutes; linear 10 % every 1, 2, 3 or 10 minutes.
 */
const PREDEFINED: readonly TrafficShift[] = [
  ...[5, 10, 15, 30].map((minutes) => ({ mode: 'canary' as const, percent: 10, minutes })),
  ...[1, 2, 3, 10].map((minutes) => ({ mode: 'linear' as const, percent: 10, minutes })),
];
/** The predefined config each strategy uses when the request names no percentage or interval. */
const DEFAULTS: Readonly<Record<'canary' | 'linear', TrafficShift>> = {
  canary: { mode: 'canary', percent: 10, minutes: 5 },
  linear: { mode: 'linear', percent: 10, minutes: 1 },
};
/** CodeDeploy's custom Lambda config limits: a percentage of 1–99 and a whole number of minutes. */
const MAX_INTERVAL_MINUTES = 2880;

/**
 * The config for a strategy and the shift the request spells out (`10 percent every 3 minutes`):
 * the predefined config that is it, else a custom TimeBasedCanary/TimeBasedLinear config of the
 * asked values when CodeDeploy allows them, else the strategy's default (the coverage row then says
 * the difference). Blue/green on Lambda is LambdaAllAtOnce behind the hooks. Undefined: updated in place.
 */
export function releaseConfig(params: {
  strategy: DeploymentStrategy | undefined;
  asked?: RequestedShift;
}): ReleaseConfig | undefined {
  const { strategy, asked } = params;
  if (strategy === undefined || strategy === 'all-at-once') return undefined;
  if (strategy === 'blue-green')
    return {
      name: 'CodeDeployDefault.LambdaAllAtOnce',
      shift: { mode: 'all-at-once', percent: 100, minutes: 0 },
    };
  const fallback = DEFAULTS[strategy];
  // A request for another mode than the strategy is a difference the row states, not a config to make.
  const own = asked?.mode === undefined || asked.mode === strategy ? asked : undefined;
  const shift: TrafficShift = {
    mode: strategy,
    percent: own?.percent ?? fallback.percent,
    minutes: own?.minutes ?? fallback.minutes,
  };
  const predefined = PREDEFINED.find(
    (one) => one.mode === shift.mode && one.percent === shift.percent && one.minutes === shift.minutes,
  );
  if (predefined !== undefined) return { name: predefinedName(predefined), shift };
  const allowed =
    Number.isInteger(shift.percent) &&
    shift.percent >= 1 &&
    shift.percent <= 99 &&
    Number.isInteger(shift.minutes) &&
    shift.minutes >= 1 &&
    shift.minutes <= MAX_INTERVAL_MINUTES;
  if (!allowed) return { name: predefinedName(fallback), shift: fallback };
  return { name: CUSTOM_CONFIG_ID, shift, custom: customConfig(shift) };
}

/** `CodeDeployDefault.LambdaLinear10PercentEvery3Minutes`, as AWS spells it (singular `Minute` for 1). */
function predefinedName(shift: TrafficShift): string {
  const unit = shift.minutes === 1 ? 'Minute' : 'Minutes';
  return shift.mode === 'linear'
    ? `CodeDeployDefault.LambdaLinear${shift.percent}PercentEvery${shift.minutes}${unit}`
    : `CodeDeployDefault.LambdaCanary${shift.percent}Percent${shift.minutes}${unit}`;
}

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codedeploy-deploymentconfig.html */
function customConfig(shift: TrafficShift): TemplateMap {
  return {
    Type: 'AWS::CodeDeploy::DeploymentConfig',
    Properties: { ComputePlatform: 'Lambda', TrafficRoutingConfig: customTrafficRouting(shift) },
  };
}

/** A custom config's TrafficRoutingConfig: TimeBasedLinear or TimeBasedCanary, percent and minutes. */
export function customTrafficRouting(shift: TrafficShift): TemplateMap {
  return shift.mode === 'linear'
    ? {
        Type: 'TimeBasedLinear',
        TimeBasedLinear: { LinearPercentage: shift.percent, LinearInterval: shift.minutes },
      }
    : {
        Type: 'TimeBasedCanary',
        TimeBasedCanary: { CanaryPercentage: shift.percent, CanaryInterval: shift.minutes },
      };
}
