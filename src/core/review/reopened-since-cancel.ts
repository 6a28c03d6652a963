import type { TaskMarker } from '../state/state-marker.js';

/**
 * Whether a cancelled task whose pull request is open comes back to review (DESIGN §3:
 * `cancelled → pr_open` on the reopen of a closed pull request): only when the close of that pull
 * request is what cancelled it (`cancelled_by_close`, recorded by the move to `cancelled`). The
 * reopen's own delivery, or any later event catching up on a reopen whose run was cancelled or
 * lost, then finds the pull request open and the task resumes. A task a writer stopped with
 * `/cancel` stays cancelled whatever happens to its pull request — closed and reopened included —
 * until `/retry` runs it again: someone said stop, and reopening a pull request is not saying go.
 */
export function reopenedSinceCancel(params: { marker: Pick<TaskMarker, 'cancelled_by_close'> }): boolean {
  return params.marker.cancelled_by_close === true;
}

/**
 * The handled-trigger key (`handled_triggers`) recording that the reopen of pull request
 * `pullNumber` on a task stopped with `/cancel` was answered: the next close of that pull request
 * drops it, so each close-and-reopen is answered once and a redelivered reopen is not.
 */
export function reopenAnsweredKey(pullNumber: number): string {
  return `reopen:${pullNumber}`;
}
