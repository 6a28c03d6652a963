import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { PullRequestTaskEvent } from './classify-pull-request-event.js';
import { guardAutomatedPullRequest } from './guard-automated-pull-request.js';
import { iterateOnFeedback } from './iterate-on-feedback.js';
import { reviewHumanPush } from './review-human-push.js';
import { syncPullRequestTask } from './sync-pull-request-task.js';

/**
 * Events after which the pull request may hold what the agent did not validate: a push, a new base,
 * or a reopen (a push made while it was closed reaches no `synchronize`; the reopen names the head).
 */
const GUARDED: ReadonlySet<string> = new Set([
  'pull_request.synchronize',
  'pull_request.edited',
  'pull_request.reopened',
]);

/** Outcomes of a pull request no longer open: nothing to review. */
const CLOSED: ReadonlySet<string> = new Set(['merged', 'cancelled']);

/**
 * A pull request event, for both runtimes: the task is brought up to date with its pull request
 * (`syncPullRequestTask`: approval, merge, close). Then, in the same turn on the task:
 * - a push (`pull_request.synchronize`) or a new base (`pull_request.edited`) someone other than
 *   the agent made, or a reopen with a head that is not the agent's recorded commit
 *   (`pull_request.reopened`), ends automated mode (`guardAutomatedPullRequest`); a push to an open pull
 *   request is reviewed when the task runs in manual mode and a person pushed (`reviewHumanPush`); the outcome is the review's when it
 *   requested changes, otherwise the task's with the review's line added to its message;
 * - a review or review comment on a head the agent never recorded is handled as a person's push
 *   first (the sync records it as `unvalidated_push` and asks GitHub who pushed it, `namePushers`;
 *   an automated task falls back to guided, `guardAutomatedPullRequest`), so the review counts
 *   only under the pusher rule;
 * - a review or review comment that may carry feedback (or, where the runtime catches up, any
 *   review event) lets the agent iterate (`iterateOnFeedback`) on every piece not yet taken in.
 */
export async function handlePullRequestEvent(
  deps: TaskEventDependencies,
  input: PullRequestTaskEvent,
): Promise<TaskOutcome> {
  if (GUARDED.has(input.event)) return syncAndReviewPush(deps, input);
  const reviewEvent = input.event.startsWith('pull_request_review');
  // The push guard for reviews: a review of a head the agent never recorded is a person's push
  // first (`syncPullRequestTask` records it and asks who pushed it; an automated task falls back).
  const synced = await syncPullRequestTask(
    deps,
    input,
    reviewEvent
      ? { then: async (task) => guardAutomatedPullRequest(deps, { event: input, synced: task }) }
      : {},
  );
  if (input.mayCarryFeedback !== true && !(deps.catchUpFeedback === true && reviewEvent)) return synced;
  const iterated = await iterateOnFeedback(deps, input);
  if (iterated.status === 'ignored') return synced;
  // A push made with GITHUB_TOKEN starts no `synchronize` run: the new head gets its approval check
  // now, recorded as the agent's push (nobody's approval of it is set aside as its pusher's).
  if (iterated.status === 'pr_open') {
    const push = { sha: iterated.commitSha.toLowerCase(), by: { kind: 'agent' as const } };
    await syncPullRequestTask(deps, input, { push });
  }
  return iterated;
}

async function syncAndReviewPush(
  deps: TaskEventDependencies,
  input: PullRequestTaskEvent,
): Promise<TaskOutcome> {
  return syncPullRequestTask(deps, input, {
    then: async (synced) => {
      const { marker, board } = synced;
      // A push or a new base the agent did not validate ends automated mode first.
      const outcome = await guardAutomatedPullRequest(deps, { event: input, synced });
      if (input.event !== 'pull_request.synchronize') return outcome;
      if (!('headSha' in outcome) || CLOSED.has(outcome.status)) return outcome;
      const reviewed = await reviewHumanPush(deps, { event: input, marker, headSha: outcome.headSha });
      if (reviewed.status === 'ignored') {
        deps.log(`No push review on #${input.pullNumber}: ${reviewed.reason}`);
        return outcome;
      }
      // The review is a step of the task: the status comment shows it and the record keeps its
      // verdict, head and findings (the outcome), the task staying in the state the sync left.
      const state = board.current?.state;
      if (state !== undefined && 'message' in reviewed) {
        await board.move(state, { details: `${outcome.message}\n\n${reviewed.message}`, outcome: reviewed });
      }
      if (reviewed.status === 'changes_requested' || !('message' in reviewed)) return reviewed;
      return { ...outcome, message: `${outcome.message} ${reviewed.message}` };
    },
  });
}
