import type { TaskMarker } from '../state/state-marker.js';

/** Whether a merge deploys, and to where; `reason` (plain text) says why not. */
export type MergeDeployDecision =
  | { readonly deploy: true; readonly environment: string }
  | { readonly deploy: false; readonly reason: string };

/**
 * DESIGN §4: a merged pull request is deployed to the request's target environment when its task
 * runs automated — requested automated with low risk, or hybrid judged low risk (`effectiveMode`,
 * recorded on the marker as `effective_mode` and `risk_level` when the PR was opened). Guided and
 * manual tasks, automated ones that fell back to guided, and tasks whose mode or target was never
 * recorded (markers from before the mode decision) deploy with `/deploy` only.
 */
export function deploysOnMerge(
  marker: Pick<TaskMarker, 'effective_mode' | 'risk_level' | 'environment'>,
): MergeDeployDecision {
  const mode = marker.effective_mode;
  if (mode !== 'automated') {
    return {
      deploy: false,
      reason:
        mode === undefined
          ? 'the task has no recorded execution mode, so only `/deploy` deploys it'
          : `the task runs ${mode}, so only \`/deploy\` deploys it`,
    };
  }
  if (marker.risk_level === 'high') {
    return { deploy: false, reason: 'the change was judged high risk, so only `/deploy` deploys it' };
  }
  if (marker.environment === undefined) {
    return { deploy: false, reason: 'the task records no target environment to deploy on merge' };
  }
  return { deploy: true, environment: marker.environment };
}
