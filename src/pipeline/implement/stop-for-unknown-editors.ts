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
  /** No later run of the body can know them (`RequestEditors`' `lasting`): the message says so. */
  lasting?: boolean;
}): Promise<TaskOutcome> {
  const { board, state, taskId, issueNumber } = params;
  const message = unknownEditorsMessage(params.why, params.lasting === true);
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

/**
 * Why a request whose editors are unknown is not run, and what to do (the safe rule of review 9m).
 * When it is `lasting` (the body's edit history keeps every edit, so it will never be known), it
 * says that running the body again is refused the same way, and gives the ways that work: the
 * request in a fenced block of an `/implement` comment (its author's text; the body's editors do
 * not count), or a new issue. Otherwise (GitHub did not give the history this time) trying again
 * may work too.
 */
export function unknownEditorsMessage(why: string, lasting = false): string {
  const refused = `who edited this issue's body is not known: ${why}. The request was not run, since whoever wrote it must not approve its pull request. `;
  const comment =
    'post the request in a fenced block of an `/implement` comment on this issue, which runs as its author’s text (an edited comment is not taken)';
  return lasting
    ? `${refused}The body's edit history keeps every edit, so running the body again (a label, a bare \`/implement\`, \`/retry\`, \`/approve\`) is refused the same way. To run the request, ${comment}, or open a new issue with it.`
    : `${refused}Try again (label the issue again or comment \`/implement\`), or ${comment}.`;
}
