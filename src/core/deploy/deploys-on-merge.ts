import type { TaskMarker } from '../state/state-marker.js';
import { TRUST_LOST_REASON } from '../task/trust-lost-reason.js';

/** Whether a merge deploys; `reason` (plain text) says why not. Where to is `mergeDeployTarget`'s call. */
export type MergeDeployDecision =
  { readonly deploy: true } | { readonly deploy: false; readonly reason: string };

/**
 * DESIGN §4: a merged pull request is deployed when its task runs automated — requested automated
 * with low risk, or hybrid judged low risk (`effectiveMode`, recorded on the marker as
 * `effective_mode` and `risk_level` when the PR was opened). Guided and manual tasks, automated ones
 * that fell back to guided (a lost record of who asked and pushed, `trust_lost`, among the reasons),
 * and tasks whose mode was never recorded (markers from before the mode
 * decision) deploy with `/deploy` only. So does a task that was not live when its pull request
 * was merged (`state`, the task's state before the merge): stopped with `/cancel`, or whose last
 * run failed, or that was generating again (an edited request, `/retry`; `received` on the way) or
 * waiting for a corrected request (`awaiting_input`) — someone said stop, or
 * the head merged is not what was last asked for. A task
 * cancelled only by closing its pull request (`cancelled_by_close`) was live again once it was
 * reopened, so its merge deploys.
 */
export function deploysOnMerge(
  marker: Pick<TaskMarker, 'effective_mode' | 'risk_level'> &
    Partial<Pick<TaskMarker, 'state' | 'cancelled_by_close' | 'trust_lost'>>,
): MergeDeployDecision {
  if (marker.state === 'cancelled' && marker.cancelled_by_close !== true) {
    return { deploy: false, reason: 'the task was stopped with `/cancel`, so only `/deploy` deploys it' };
  }
  if (marker.state === 'failed') {
    return { deploy: false, reason: "the task's last run failed, so only `/deploy` deploys it" };
  }
  if (marker.state === 'generating' || marker.state === 'validating' || marker.state === 'received') {
    return {
      deploy: false,
      reason: 'the task was generating again when its pull request was merged, so only `/deploy` deploys it',
    };
  }
  if (marker.state === 'awaiting_input') {
    return {
      deploy: false,
      reason:
        'the task was waiting for a corrected request when its pull request was merged, so only `/deploy` deploys it',
    };
  }
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
  if (marker.trust_lost === true) {
    return { deploy: false, reason: `${TRUST_LOST_REASON}, so only \`/deploy\` deploys it` };
  }
  return { deploy: true };
}
