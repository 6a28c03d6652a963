import type { CloudFormationApi } from '../../aws/cloudformation/cloudformation-api.js';
import { listStackResources } from '../../aws/cloudformation/list-stack-resources.js';
import type { Now, Sleep } from '../../aws/cloudformation/poll-until.js';
import type { CodeDeployApi } from '../../aws/codedeploy/codedeploy-api.js';
import { describeTrafficShift } from '../../aws/codedeploy/describe-traffic-shift.js';
import { findStartedDeployment } from '../../aws/codedeploy/find-started-deployment.js';
import { findTrafficShiftingGroups } from '../../aws/codedeploy/find-traffic-shifting-groups.js';
import { waitForTrafficShift } from '../../aws/codedeploy/wait-for-traffic-shift.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';

/** How long to look for the CodeDeploy deployment a stack update started before deciding there was none. */
const FIND_TIMEOUT_MS = 60_000;

/**
 * For canary, linear and blue-green: the CodeDeploy deployments the stack update started, followed
 * to their end. The alias update holds the stack update until CodeDeploy finishes, so by now they
 * are settled; this reports what shifted, and an alarm rollback with the alarms that fired.
 */
export async function followTrafficShift(params: {
  cfn: CloudFormationApi;
  codedeploy: CodeDeployApi;
  stackName: string;
  since: Date;
  timeoutMs: number;
  sleep: Sleep;
  now: Now;
  log: (line: string) => void;
}): Promise<{ lines: string[]; failed: boolean }> {
  const { groups, unresolved } = findTrafficShiftingGroups(await listStackResources(params));
  const lines = unresolved.map(
    (group) =>
      `- ⚠️ CodeDeploy group ${codeSpan(group.deploymentGroupName)}: ${untrustedInline(group.reason)}`,
  );
  let failed = false;
  for (const group of groups) {
    const started = await findStartedDeployment({ ...params, group, timeoutMs: FIND_TIMEOUT_MS });
    if (started.kind === 'none') {
      lines.push(
        `- CodeDeploy ${codeSpan(group.deploymentGroupName)}: no traffic shift was needed (the function did not change).`,
      );
      continue;
    }
    const result = await waitForTrafficShift({ ...params, deploymentId: started.deploymentId });
    if (result.kind !== 'succeeded') failed = true;
    lines.push(...describeTrafficShift(result));
  }
  return { lines, failed };
}
