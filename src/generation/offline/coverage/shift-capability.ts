import type { TestEvidence } from '../../../core/bundle/requirement-coverage.js';
import { describeShift, shiftOfConfig } from '../cfn/shift-of-config.js';
import type { TrafficShift } from '../cfn/shift-of-config.js';
import { anyOf } from './capability.js';
import type { Capability } from './capability.js';
import { requestedShift } from './requested-shift.js';

/**
 * `…, then the rest`, `then all traffic`: the last step of a canary, a clause of its own once the
 * sentence is split at its comma, asking for what every traffic shift does.
 */
export const REST_OF_TRAFFIC_WORDS = anyOf(
  'then the rest',
  'then rest',
  'then the remainder',
  'then everything',
  'then all traffic',
  'then all of it',
  'rest of the traffic',
  'rest of traffic',
  'remaining traffic',
);

/**
 * `10 percent for 10 minutes`, `10 percent every minute`: a step of a traffic shift, a clause of its
 * own once `canary deployments: 10 percent for 10 minutes, then the rest` is split; a percentage
 * alone (`an error rate above 2 percent`, `2 percent within 15 minutes`) is no step.
 */
export const SHIFT_STEP_WORDS = ['percent', 'pct'].flatMap((percent) =>
  ['for', 'every', 'each'].flatMap((step) =>
    ['minute', 'minutes', 'min', 'mins'].map((minutes) => [percent, step, minutes]),
  ),
);

/** The words by which a clause asks how a release moves traffic. */
export const SHIFT_WORDS = anyOf(
  'shift',
  'shifts',
  'shifting',
  'shifted',
  'traffic',
  'canary',
  'linear',
  'linearly',
  'codedeploy',
  'blue green',
  'percent',
  'all at once',
).concat(REST_OF_TRAFFIC_WORDS);

/**
 * How a release moves traffic, as a capability whose `compare` holds a clause's numbers against the
 * generated CodeDeploy config (`shift 10 percent every minute` is met by
 * `LambdaLinear10PercentEvery1Minute`, partial with the difference against `LambdaCanary10Percent5Minutes`).
 * `configName` undefined: the function is updated in place, all traffic at once.
 */
export function shiftCapability(params: {
  functionId: string;
  configName: string | undefined;
  /** How the config moves traffic (a custom config's name says nothing); read from a predefined name when absent. */
  shift?: TrafficShift;
  tests?: readonly TestEvidence[];
}): Capability {
  const { functionId, configName } = params;
  const generated = params.shift ?? shiftOfConfig(configName);
  return {
    when: SHIFT_WORDS,
    implementedBy:
      configName === undefined
        ? `each deploy updates ${functionId} in place: all traffic at once`
        : `CodeDeploy shifts the live alias of ${functionId} with ${configName} (${generated === undefined ? 'a custom config' : describeShift(generated)}), rolling back on its alarms`,
    tests: params.tests ?? [],
    resources:
      configName === undefined ? [functionId] : [`${functionId}Alias`, `${functionId}DeploymentGroup`],
    compare: shiftComparison(configName, generated),
  };
}

/** A clause's shift against the one `configName` makes: the differences, empty when met or when no shift is asked. */
export function shiftComparison(
  configName: string | undefined,
  shift?: TrafficShift,
): (text: string) => string[] {
  const generated = shift ?? shiftOfConfig(configName);
  return (text) => shiftDifferences(text, generated);
}

function shiftDifferences(text: string, generated: TrafficShift | undefined): string[] {
  const asked = requestedShift(
    text
      .toLowerCase()
      .replace(/%/g, ' % ')
      .match(/[a-z0-9%]+/g) ?? [],
  );
  if (asked === undefined) return [];
  if (generated === undefined)
    return ['the shift asked for cannot be compared with the generated config; check it by hand'];
  const differences = [
    asked.mode !== undefined && asked.mode !== generated.mode
      ? `asked ${asked.mode}, generated ${generated.mode}`
      : undefined,
    asked.percent !== undefined && generated.mode !== 'all-at-once' && asked.percent !== generated.percent
      ? `asked ${asked.percent} percent per step, generated ${generated.percent}`
      : undefined,
    asked.minutes !== undefined && generated.mode !== 'all-at-once' && asked.minutes !== generated.minutes
      ? `asked ${asked.minutes} minute(s) between steps, generated ${generated.minutes}`
      : undefined,
  ].filter((difference): difference is string => difference !== undefined);
  if (differences.length === 0) return [];
  return [
    `${differences.join('; ')} (generated: ${describeShift(generated)}); the predefined CodeDeploy configs are canary 10 percent then the rest after 5, 10, 15 or 30 minutes, and linear 10 percent every 1, 2, 3 or 10 minutes; CodeDeploy's custom Lambda configs take a percentage of 1 to 99 and whole minutes; choose deployment_strategy accordingly or ask for such values`,
  ];
}
