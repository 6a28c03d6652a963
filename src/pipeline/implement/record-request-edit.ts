import { DEFAULT_CONFIG } from '../../core/config/agent-config.js';
import { wasHandled } from '../../core/idempotency/handled-triggers.js';
import { sameAccount, type Account } from '../../core/review/account.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { statusDetailsOf } from '../../core/render/status-details-of.js';
import { detailsWith } from '../task/details-with.js';
import { progressStatus } from '../task/progress-status.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';
import { taskBoardFor } from '../task/task-board-for.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { taskIdOf } from '../../core/task/task-id-of.js';
import { SETTLED } from './open-issue-task.js';

/** The most editors a marker keeps (`request_editors`, as its schema bounds it); the newest are kept. */
export const MAX_REQUEST_EDITORS = 10;

/**
 * Records who rewrote the issue body of a task that runs from it (review 9m): GitHub lets any
 * writer edit anyone's issue, and a later run of the body (`/retry`, a labeling, `/implement`)
 * generates from their text, so that run counts them as co-requesters (`requestEditorsOf`) and the
 * self-approval rule sets their approval aside. The edit neither starts nor changes the task: the
 * marker gains the editor (`request_editors`, newest kept) in a move to the state it is in, whose
 * details keep what the status said (`statusDetailsOf`) and add a note naming the editor. Nothing is recorded (outcome `ignored`) when the issue has no task whose status
 * can be trusted (an edit before any task exists is read from the body's edit history when a run
 * of the body starts: `readRequestEditors`), when the task runs a request in a `/implement` comment, has
 * shipped, already carried this edit out, or already counts the editor as a requester.
 * Run it under the task's mutex. Throws GitHub's HTTP errors.
 */
export async function recordRequestEdit(
  deps: TaskEventDependencies,
  edit: { repository: RepositoryRef; issueNumber: number; editor: Account; triggerKey: string },
): Promise<TaskOutcome> {
  const { repository, issueNumber, editor } = edit;
  const { owner, repo } = repository;
  const ignored = (why: string): TaskOutcome => ({
    status: 'ignored',
    reason: `the edit of issue #${issueNumber} by ${editor.login} is not recorded: ${why}`,
  });
  const existing = progressStatus(
    await readTaskStatusFor(deps, { owner, repo, issueNumber }),
    deps.trust.keys,
  );
  if (existing === undefined) return ignored('the issue has no task whose status can be trusted');
  const marker = existing.marker;
  if (marker.request_comment_id !== undefined) return ignored('the task runs a request in a comment');
  if (SETTLED.has(marker.state)) return ignored(`the task is ${marker.state.replaceAll('_', ' ')}`);
  if (wasHandled(marker.handled_triggers, edit.triggerKey)) return ignored('it was already recorded');
  if (askersOf(marker).some((asker) => sameAccount(asker, editor))) {
    return ignored('they already asked for the task');
  }
  const configResult = await readAgentConfig({ client: deps.client, owner, repo });
  const taskId = taskIdOf({ owner, repo, issueNumber });
  const board = taskBoardFor(deps, {
    owner,
    repo,
    issueNumber,
    taskId,
    existing,
    config: configResult.ok ? configResult.config : DEFAULT_CONFIG,
    trigger: edit.triggerKey,
  });
  const editors = [...(marker.request_editors ?? []), editor].slice(-MAX_REQUEST_EDITORS);
  const note = `The request was edited by \`${editor.login}\`: a later run of it counts them as one who asked, so their approval of its pull request is set aside.`;
  // The status keeps what it said (a failure's message, say) and gains the note.
  const { details } = detailsWith(statusDetailsOf(existing.body), [note]);
  await board.move(marker.state, {
    patch: { request_editors: editors },
    ...(details === undefined ? {} : { details }),
  });
  return {
    status: 'ignored',
    reason: `recorded ${editor.login} as an editor of the request on issue #${issueNumber}`,
  };
}

/** Everyone the marker counts as asking: the requester, the co-requesters and the recorded editors. */
function askersOf(marker: TaskMarker): Account[] {
  return [
    ...(marker.requester === undefined
      ? []
      : [
          {
            login: marker.requester,
            ...(marker.requester_id === undefined ? {} : { id: marker.requester_id }),
          },
        ]),
    ...(marker.co_requesters ?? []),
    ...(marker.request_editors ?? []),
  ];
}

/**
 * The recorded editors of the issue body (`request_editors`) as co-requesters of a run of a task's
 * request: all of them when it runs from the issue body (each edit produced or preceded the text
 * that runs), none when it runs a payload in a `/implement` comment (`requestCommentId`), which
 * their edits did not touch.
 */
export function requestEditorsOf(
  marker: Pick<TaskMarker, 'request_editors'> | undefined,
  requestCommentId: number | undefined,
): readonly Account[] {
  return requestCommentId === undefined ? (marker?.request_editors ?? []) : [];
}
