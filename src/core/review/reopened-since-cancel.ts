import type { TaskMarker } from '../state/state-marker.js';

/**
 * Whether a cancelled task's open pull request was reopened, which brings the task back to review
 * (DESIGN §3: `cancelled → pr_open` on reopen of a closed pull request): the event is the reopen
 * itself (`pull_request.reopened`), or the task was cancelled by the close of its pull request
 * (`cancelled_by_close`), so an open one now was reopened since (a run catching up on a reopen
 * whose own run was cancelled or lost). A task cancelled with `/cancel` while its pull request
 * stayed open was not: it stays cancelled until `/retry`.
 */
export function reopenedSinceCancel(params: {
  marker: Pick<TaskMarker, 'cancelled_by_close'>;
  event: string;
}): boolean {
  return params.event === 'pull_request.reopened' || params.marker.cancelled_by_close === true;
}
