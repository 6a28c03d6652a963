import { wasHandled } from '../idempotency/handled-triggers.js';
import { mention } from '../markdown/mention.js';
import type { TaskMarker } from '../state/state-marker.js';
import { reopenAnsweredKey } from './reopened-since-cancel.js';

/**
 * What a pull request event says to a task stopped with `/cancel` (cancelled, not by a close:
 * `reopenedSinceCancel` is false) whose pull request is reopened or closed (DESIGN §3; issue #9
 * item 7): the task stays cancelled, and the reopen (`pull_request.reopened`) is answered on the
 * pull request, naming `/retry` — `details` for the status comment, `reply` (mentioning `sender`)
 * for the pull request — unless this close-and-reopen was answered already (`reopenAnsweredKey`
 * among `handled_triggers`). A close after an answered reopen forgets the answer (`details` only,
 * no `reply`; the caller un-records the key), so the next reopen is answered again. Undefined:
 * nothing to say (another event, or already answered).
 */
export function stoppedTaskAnswer(params: {
  /** The event, e.g. `pull_request.reopened`. */
  event: string;
  sender: { readonly login: string } | undefined;
  marker: Pick<TaskMarker, 'handled_triggers'>;
  /** The pull request is open now (GitHub's fact, read back). */
  open: boolean;
  pullNumber: number;
  issueNumber: number;
}): { details: string; reply?: string } | undefined {
  const { pullNumber, issueNumber } = params;
  const answered = wasHandled(params.marker.handled_triggers, reopenAnsweredKey(pullNumber));
  const pr = `pull request #${pullNumber}`;
  if (!params.open) return answered ? { details: `${pr} was closed; the task stays cancelled.` } : undefined;
  if (params.event !== 'pull_request.reopened' || answered) return undefined;
  const details =
    `${pr} was reopened, but the task stays cancelled: it was stopped with \`/cancel\`, and reopening ` +
    `its pull request does not run it again. \`/retry\` on issue #${issueNumber} runs the task again.`;
  const who = params.sender === undefined ? '' : `${mention(params.sender.login)}: `;
  return { details, reply: `${who}${details}` };
}
