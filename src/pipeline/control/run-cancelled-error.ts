import type { TokenUsage } from '../../generation/model-provider.js';
import type { StatusCommentRef } from '../../github/status-comment.js';

/**
 * Thrown at a run's step boundary when its task was cancelled, or its pull request merged,
 * meanwhile (`createCancelWatch`): `status` is that status as read back, which the run continues from; `usage` is what the
 * model calls before the stop cost, so the task's cost still counts them.
 */
export class RunCancelledError extends Error {
  constructor(
    readonly status: StatusCommentRef,
    readonly usage: { readonly model: string; readonly usage: TokenUsage } | undefined,
    /** The step it stopped at: "before generation attempt 2". */
    readonly where: string,
  ) {
    super(`Task ${status.marker.task_id} was ${status.marker.state}; the run stopped ${where}.`);
    this.name = 'RunCancelledError';
  }
}
