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
 * What a review sync does to a task's auto-merge (DESIGN §4: "a reviewer can steer the PR with
 * reviews alone"). Only an open pull request has one. A task that runs automated at low risk
 * (`runsAutomated`) and is under review once the sync moved it (`to`: `pr_open`, `approved`,
 * `changes_requested`): `turn-off` when a counted request for changes stands
 * (`standingChangesRequest`) and GitHub has not confirmed it off for it (`auto_merge_held`, set
 * only once GitHub answered that it is off — the state alone proves no such answer, so an older
 * marker at `changes_requested` asks once more); `turn-on` when none stands and it is held
 * (`autoMergeHeld`) — the caller then still checks the head passed the agent's validation; nothing
 * otherwise, so a redelivery or a second review does the step once. Any other task (fallen back to
 * guided, cancelled, held, running: a run arms by itself) is never turned on, and is turned off
 * again (`retry-off`) only while an earlier attempt GitHub did not confirm is pending
 * (`auto_merge_off_pending`).
 */
export function autoMergeStep(params: {
  marker: Pick<
    TaskMarker,
    'auto_merge_held' | 'auto_merge_off_pending' | 'state' | 'effective_mode' | 'risk_level'
  >;
  /** The state the sync moves the task to (its state when it does not move). */
  to: TaskState;
  open: boolean;
  /** A counted request for changes stands on the pull request (`standingChangesRequest`). */
  standing: boolean;
}): 'turn-off' | 'retry-off' | 'turn-on' | undefined {
  const { marker } = params;
  if (!params.open) return undefined;
  if (!UNDER_REVIEW.has(params.to) || !runsAutomated(marker))
    return marker.auto_merge_off_pending === true ? 'retry-off' : undefined;
  if (params.standing) return marker.auto_merge_held === true ? undefined : 'turn-off';
  return autoMergeHeld(marker) ? 'turn-on' : undefined;
}
