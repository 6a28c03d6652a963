import type { TaskState } from '../state/task-state.js';

/** Task states a pull request's review can move between while the PR is open. */
const REVIEWED: ReadonlySet<TaskState> = new Set(['pr_open', 'approved', 'changes_requested']);

/**
 * Where a task goes given what GitHub says of its pull request (DESIGN §1, §3, §4): merged →
 * `merged`, closed unmerged → `cancelled`, open → by its review (`approved`, `changes_requested`,
 * else `pr_open`). A cancelled task whose PR is open comes back through `pr_open` only when the PR
 * was `reopened` after the close that cancelled it (the transition table's `cancelled → pr_open`,
 * `reopenedSinceCancel`); a task stopped with `/cancel` stays cancelled, its PR closed and
 * reopened or not (`/retry` runs it again). The
 * answer is the path of states to walk, last one the target, empty when the task stays (it is
 * being regenerated, held, cancelled, or already there). States other than these are not the
 * review's to move: an open PR whose task is generating keeps generating.
 */
export function pullRequestMove(params: {
  from: TaskState;
  pull: { readonly open: boolean; readonly merged: boolean };
  review: { readonly approved: boolean; readonly changesRequested: boolean };
  /** The close of the PR cancelled the task, so the open PR was reopened since (`reopenedSinceCancel`). */
  reopened?: boolean;
}): TaskState[] {
  const { from, pull, review } = params;
  if (pull.merged) return from === 'merged' ? [] : ['merged'];
  if (!pull.open) return from === 'cancelled' ? [] : ['cancelled'];
  const reviewed: TaskState = review.approved
    ? 'approved'
    : review.changesRequested
      ? 'changes_requested'
      : 'pr_open';
  if (from === 'cancelled') {
    if (params.reopened !== true) return [];
    return reviewed === 'pr_open' ? ['pr_open'] : ['pr_open', reviewed];
  }
  if (!REVIEWED.has(from) || from === reviewed) return [];
  return [reviewed];
}
