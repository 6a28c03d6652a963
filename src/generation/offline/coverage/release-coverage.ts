import type { RequirementCoverage, TestEvidence } from '../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../blueprint-input.js';
import { PRE_TRAFFIC_HOOK_ID } from '../cfn/pre-traffic-hook-part.js';
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
  /** What the release's pre-traffic hook (`PRE_TRAFFIC_HOOK_ID`) does, when traffic shifts through one. */
  preTrafficHook?: string;
}): RequirementCoverage[] {
  const { functionId, shifting } = params;
  const hook = shifting.configName === undefined ? undefined : params.preTrafficHook;
  return strategyCoverage(params.input, {
    applied: true,
    implementedBy:
      shifting.configName === undefined
        ? `each deploy updates ${functionId} in place; an error alarm watches it`
        : `CodeDeploy shifts the live alias of ${functionId} with ${shifting.configName} (${describeShift(shifting.shift)}), rolling back on its alarms${hook === undefined ? '' : `; first ${hook}`}`,
    resources:
      shifting.configName === undefined
        ? [`${functionId}ErrorAlarm`]
        : [
            `${functionId}Alias`,
            `${functionId}DeploymentGroup`,
            ...(hook === undefined ? [] : [PRE_TRAFFIC_HOOK_ID]),
          ],
    ...(params.gaps === undefined ? {} : { gaps: params.gaps }),
    ...(params.tests === undefined ? {} : { tests: params.tests }),
  });
}
