import type { CloudFormationApi } from '../../aws/cloudformation/cloudformation-api.js';
import type { DeployResult } from '../../aws/cloudformation/deploy-result.js';
import type { Now, Sleep } from '../../aws/cloudformation/poll-until.js';
import type { CodeDeployApi } from '../../aws/codedeploy/codedeploy-api.js';
import type { DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import { followTrafficShift } from './follow-traffic-shift.js';

const TRAFFIC_SHIFTING = new Set(['canary', 'linear', 'blue-green']);

/** Only an update of a stack with a traffic-shifting strategy starts CodeDeploy deployments. */
export async function followTrafficIfShifted(params: {
  cloudFormationFor: (region: string) => CloudFormationApi;
  codeDeployFor?: (region: string) => CodeDeployApi;
  payload: DeploymentPayload;
  result: DeployResult;
  since: Date;
  timeoutMs: number;
  sleep: Sleep;
  now: Now;
  log: (line: string) => void;
}): Promise<{ lines: string[]; failed: boolean }> {
  const { payload, result } = params;
  const updated =
    result.changeSetType === 'UPDATE' && (result.reason === 'deployed' || result.reason === 'failed');
  if (!params.codeDeployFor || !payload.strategy || !TRAFFIC_SHIFTING.has(payload.strategy) || !updated) {
    return { lines: [], failed: false };
  }
  return followTrafficShift({
    cfn: params.cloudFormationFor(payload.region),
    codedeploy: params.codeDeployFor(payload.region),
    stackName: payload.stack_name,
    since: params.since,
    timeoutMs: params.timeoutMs,
    sleep: params.sleep,
    now: params.now,
    log: params.log,
  });
}
