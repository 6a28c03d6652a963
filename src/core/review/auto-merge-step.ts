import type { TaskMarker } from '../state/state-marker.js';
import { runsAutomated } from '../state/runs-automated.js';
import type { TaskState } from '../state/task-state.js';

/** States whose open pull request is under review: the only ones whose auto-merge a review steers. */
const UNDER_REVIEW: ReadonlySet<TaskState> = new Set(['pr_open', 'approved', 'changes_requested']);

/**
 * Whether GitHub's auto-merge of the task is held off for a request for changes: the marker says
 * so (`auto_merge_held`), or the task is at `changes_requested` (markers written before the field,
 * when entering that state turned auto-merge off).
 */
export function autoMergeHeld(marker: Pick<TaskMarker, 'auto_merge_held' | 'state'>): boolean {
  return marker.auto_merge_held === true || marker.state === 'changes_requested';
}

/**
 * What a review sync does to an automated task's auto-merge (DESIGN §4: "a reviewer can steer the
 * PR with reviews alone"): `turn-off` when a counted request for changes stands
 * (`standingChangesRequest`) and auto-merge is not held yet; `turn-on` when none stands and it is
 * held — the caller then still checks the head passed the agent's validation; nothing otherwise,
 * so a redelivery or a second review does the step once. Only an open pull request of a task that
 * runs automated at low risk (`runsAutomated`) and is under review once the sync moved it (`to`:
 * `pr_open`, `approved`, `changes_requested`) has an auto-merge to steer: a task that fell back to
 * guided never turns it on again, nor does a cancelled, held or running one (a run arms by itself).
 */
export function autoMergeStep(params: {
  marker: Pick<TaskMarker, 'auto_merge_held' | 'state' | 'effective_mode' | 'risk_level'>;
  /** The state the sync moves the task to (its state when it does not move). */
  to: TaskState;
  open: boolean;
  /** A counted request for changes stands on the pull request (`standingChangesRequest`). */
  standing: boolean;
}): 'turn-off' | 'turn-on' | undefined {
  if (!params.open || !UNDER_REVIEW.has(params.to) || !runsAutomated(params.marker)) return undefined;
  const held = autoMergeHeld(params.marker);
  if (params.standing) return held ? undefined : 'turn-off';
  return held ? 'turn-on' : undefined;
}
