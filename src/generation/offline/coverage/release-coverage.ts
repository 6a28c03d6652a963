import type { RequirementCoverage, TestEvidence } from '../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../blueprint-input.js';
import { describeShift } from '../cfn/shift-of-config.js';
import type { TrafficShifting } from '../cfn/traffic-shifting-part.js';
import { strategyCoverage } from './strategy-coverage.js';

/** The strategy row of a blueprint whose function `functionId` is released by `shifting`. */
export function releaseCoverage(params: {
  input: BlueprintInput;
  functionId: string;
  shifting: TrafficShifting;
  gaps?: readonly string[];
  /** Generated tests that check the release in the template (the deployment blueprint's). */
  tests?: readonly TestEvidence[];
}): RequirementCoverage[] {
  const { functionId, shifting } = params;
  return strategyCoverage(params.input, {
    applied: true,
    implementedBy:
      shifting.configName === undefined
        ? `each deploy updates ${functionId} in place; an error alarm watches it`
        : `CodeDeploy shifts the live alias of ${functionId} with ${shifting.configName} (${describeShift(shifting.shift)}), rolling back on its alarms`,
    resources:
      shifting.configName === undefined
        ? [`${functionId}ErrorAlarm`]
        : [`${functionId}Alias`, `${functionId}DeploymentGroup`],
    ...(params.gaps === undefined ? {} : { gaps: params.gaps }),
    ...(params.tests === undefined ? {} : { tests: params.tests }),
  });
}
