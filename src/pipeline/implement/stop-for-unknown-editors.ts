import { statusDetailsOf } from '../../core/render/status-details-of.js';
import type { TaskState } from '../../core/state/task-state.js';
import { detailsWith } from '../task/details-with.js';
import type { StatusBoard } from '../task/status-board.js';
import type { TaskOutcome } from '../task/task-outcome.js';

/**
 * States a request whose writers are unknown may end in `failed`: nothing is under way that it
 * would undo (the same as an invalid request's).
 */
export const FAILED_BY_UNRUNNABLE_REQUEST: ReadonlySet<TaskState> = new Set([
  'received',
  'awaiting_input',
  'failed',
]);

/**
 * Ends a run of a request whose writers are not all known (reason code `request_editors_unknown`,
 * reviews 9m and 13m: one left out could approve their own text) with an answer on the task's
 * status comment, whatever channel asked: a new task or one in `FAILED_BY_UNRUNNABLE_REQUEST`
 * moves to `failed` with `unknownEditorsMessage(why)` as its details; any other (a pull request
 * open, a hold, a cancelled task a labeling would restart) keeps its state, and its status keeps
 * what it said (`statusBody`) and gains the message (outcome `refused`, its `message` saying the
 * task is unchanged, for a channel that answers its sender too). Throws GitHub's HTTP errors.
 */
export async function stopForUnknownEditors(params: {
  board: StatusBoard;
  /** The task's state before the request; `undefined` for a new task. */
  state: TaskState | undefined;
  /** The status comment's body as read, to keep what it said. */
  statusBody: string | undefined;
  taskId: string;
  issueNumber: number;
  /** Why the writers are unknown, in words that finish "who edited this issue's body is not known:". */
  why: string;
}): Promise<TaskOutcome> {
  const { board, state, taskId, issueNumber } = params;
  const message = unknownEditorsMessage(params.why);
  if (state === undefined || FAILED_BY_UNRUNNABLE_REQUEST.has(state)) {
    const outcome: TaskOutcome = {
      status: 'failed',
      reasonCode: 'request_editors_unknown',
      taskId,
      issueNumber,
      message,
    };
    await board.move('failed', { details: message, outcome });
    return outcome;
  }
  const outcome: TaskOutcome = {
    status: 'refused',
    reasonCode: 'request_editors_unknown',
    taskId,
    issueNumber,
    message: `this request cannot be run, so the task (${state.replaceAll('_', ' ')}) is unchanged: ${message}`,
  };
  const { details } = detailsWith(
    params.statusBody === undefined ? undefined : statusDetailsOf(params.statusBody),
    [message],
  );
  // Not the record's last outcome: the task's own run is what it last did.
  await board.move(state, details === undefined ? {} : { details });
  return outcome;
}

/** Why a request whose editors are unknown is not run, and what to do (the safe rule of review 9m). */
export function unknownEditorsMessage(why: string): string {
  return (
    `who edited this issue's body is not known: ${why}. The request was not run, since whoever wrote it must not approve its pull request. ` +
    'Try again (label the issue again or comment `/implement`), or post the request in a fenced block of an `/implement` comment, whose text is its author’s (an edited comment is not taken).'
  );
}
