import type { TaskMarker } from '../state/state-marker.js';

/** Whether a merge deploys; `reason` (plain text) says why not. Where to is `mergeDeployTarget`'s call. */
export type MergeDeployDecision =
  { readonly deploy: true } | { readonly deploy: false; readonly reason: string };

/**
 * DESIGN §4: a merged pull request is deployed when its task runs automated — requested automated
 * with low risk, or hybrid judged low risk (`effectiveMode`, recorded on the marker as
 * `effective_mode` and `risk_level` when the PR was opened). Guided and manual tasks, automated ones
 * that fell back to guided, and tasks whose mode was never recorded (markers from before the mode
 * decision) deploy with `/deploy` only.
 */
export function deploysOnMerge(
  marker: Pick<TaskMarker, 'effective_mode' | 'risk_level'>,
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
  return { deploy: true };
}
