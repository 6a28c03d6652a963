import type { TaskState } from '../state/task-state.js';

/** The states in which the task's pull request is the one under review (DESIGN §3). */
const UNDER_REVIEW: ReadonlySet<TaskState> = new Set(['pr_open', 'changes_requested', 'approved']);

/**
 * Why review feedback on the task's open pull request changes nothing in `state`, or undefined
 * when the pull request is under review and feedback is taken in (issue #9 item 3). Applying it
 * elsewhere would walk the task through `generating` back to `pr_open` and lose what the state
 * stands for: a hold waiting for `/approve`, a run in progress, a cancellation, a failure.
 */
export function whyFeedbackIsNotTaken(params: { state: TaskState; issueNumber: number }): string | undefined {
  const { state, issueNumber } = params;
  if (UNDER_REVIEW.has(state)) return undefined;
  switch (state) {
    case 'held':
      return `the task is held: a request on issue #${issueNumber} waits for \`/approve\` from someone with write access, and the pull request changes only once it is run`;
    case 'received':
    case 'generating':
    case 'validating':
      return `a run is regenerating this pull request now (the task is \`${state}\`); give the feedback again once it has pushed`;
    case 'cancelled':
      return `the task is cancelled; \`/retry\` on issue #${issueNumber} runs it again, then ask for the changes`;
    case 'failed':
      return `the task's last run failed; run it again on issue #${issueNumber} before asking for changes`;
    default:
      return `the task is \`${state}\`, not under review`;
  }
}
