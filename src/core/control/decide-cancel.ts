import type { TaskState } from '../state/task-state.js';

/** What `/cancel` (without an environment) does with a task, decided from its trusted marker alone. */
export type CancelDecision =
  /** `running`: a run is (or may be) under way and stops at its next step; otherwise nothing was running. */
  | { readonly kind: 'cancel'; readonly running: boolean }
  /** Nothing changes; `why` is the answer (markdown, the agent's own words). */
  | { readonly kind: 'refuse'; readonly why: string };

/** Queued: waiting to start, for an approval or for an answer. */
const QUEUED: ReadonlySet<TaskState> = new Set(['received', 'held', 'awaiting_input']);
const RUNNING: ReadonlySet<TaskState> = new Set(['generating', 'validating']);

/**
 * `/cancel` without an environment (DESIGN §1, §3; issue #9 item 8) stops a queued or running task:
 * every such state moves to `cancelled` in the one transition table. A task with its pull request
 * (`pr_open`, `approved`, `changes_requested`) is not closed by a comment: closing the pull request
 * is what cancels it (DESIGN §3, `pull_request.closed`), so the answer says that. A failed,
 * cancelled, merged or deployed task has nothing to stop; a running deploy is `/cancel <env>`.
 */
export function decideCancel(params: {
  marker: { readonly state: TaskState; readonly pull_number?: number | undefined } | undefined;
}): CancelDecision {
  const { marker } = params;
  if (marker === undefined)
    return refuse('no implementation task is tracked here, so there is nothing to cancel.');
  const { state } = marker;
  if (RUNNING.has(state)) return { kind: 'cancel', running: true };
  if (QUEUED.has(state)) return { kind: 'cancel', running: false };
  const pull = marker.pull_number === undefined ? 'its pull request' : `pull request #${marker.pull_number}`;
  switch (state) {
    case 'pr_open':
    case 'approved':
    case 'changes_requested':
      return refuse(
        `nothing is running: the task is done generating and ${pull} is open. \`/cancel\` closes nothing; close ${pull} to cancel the task (reopening it brings the task back).`,
      );
    case 'failed':
      return refuse('nothing is running: the task already failed. `/retry` runs it again.');
    case 'cancelled':
      return refuse('the task is already cancelled. `/retry` runs it again.');
    default:
      return refuse(
        `nothing is running: the task is ${state.replaceAll('_', ' ')}. A running deploy is stopped with \`/cancel <environment>\`.`,
      );
  }
}

function refuse(why: string): CancelDecision {
  return { kind: 'refuse', why };
}
