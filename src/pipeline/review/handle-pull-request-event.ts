import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { PullRequestTaskEvent } from './classify-pull-request-event.js';
import { reviewHumanPush } from './review-human-push.js';
import { syncPullRequestTask } from './sync-pull-request-task.js';

/**
 * A pull request event, for both runtimes: the task is first brought up to date with its pull
 * request (`syncPullRequestTask`: approval, merge, close); a push (`pull_request.synchronize`) is
 * then reviewed when the task runs in manual mode and a person pushed (`reviewHumanPush`). The
 * outcome is the review's when it requested changes; otherwise the task's, with the review's line
 * added to its message.
 */
export async function handlePullRequestEvent(
  deps: TaskEventDependencies,
  input: PullRequestTaskEvent,
): Promise<TaskOutcome> {
  const synced = await syncPullRequestTask(deps, input);
  if (input.event !== 'pull_request.synchronize') return synced;
  const reviewed = await reviewHumanPush(deps, input);
  if (reviewed.status === 'ignored') {
    deps.log(`No push review on #${input.pullNumber}: ${reviewed.reason}`);
    return synced;
  }
  if (reviewed.status === 'changes_requested' || !('approvedBy' in synced)) return reviewed;
  return { ...synced, message: `${synced.message} ${'message' in reviewed ? reviewed.message : ''}`.trim() };
}
