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
import { MAX_REQUEST_EDITORS } from '../../core/task/trust-facts.js';
import { SETTLED } from './open-issue-task.js';
import type { RequestEditors } from './read-request-editors.js';

/**
 * Records who rewrote the issue body of a task (review 9m): GitHub lets any writer edit anyone's
 * issue, and a later run of the body (`/retry`, a labeling, a bare `/implement`) generates from
 * their text, so that run counts them as co-requesters (`requestEditorsOf`) and the self-approval
 * rule sets their approval aside. Every edit is recorded, whichever request the task runs now: one
 * made while it runs or holds a `/implement` comment's payload still shapes the body a later bare
 * `/implement` runs (review 13m). The edit neither starts nor changes the task: the marker gains
 * the editor (`request_editors`) in a move to the state it is in, whose details keep what the
 * status said (`statusDetailsOf`) and add a note naming the editor. Past `MAX_REQUEST_EDITORS`
 * nobody is dropped: the marker gains `request_editors_past_bound` instead, which stops every later
 * run of the body (fail closed), and the note says so. Nothing is recorded (outcome `ignored`)
 * when the issue has no task whose status can be trusted (an edit before any task exists is read
 * from the body's edit history when a run of the body starts: `readRequestEditors`), when the task
 * has shipped, already carried this edit out, or already counts the editor as asking for the body.
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
  if (SETTLED.has(marker.state)) return ignored(`the task is ${marker.state.replaceAll('_', ' ')}`);
  if (wasHandled(marker.handled_triggers, edit.triggerKey)) return ignored('it was already recorded');
  if (marker.request_editors_past_bound === true)
    return ignored('more people edited the request than the task records, so no run of it starts');
  if (bodyAskersOf(marker).some((asker) => sameAccount(asker, editor))) {
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
  const editors = [...(marker.request_editors ?? []), editor];
  const pastBound = editors.length > MAX_REQUEST_EDITORS;
  const note = pastBound
    ? `The request was edited by \`${editor.login}\`, and more people have edited it than a task records (${MAX_REQUEST_EDITORS}): whoever was not recorded could approve their own text, so no run of the issue body starts again. Post the request in a fenced block of an \`/implement\` comment, whose text is its author’s, or open a new issue.`
    : `The request was edited by \`${editor.login}\`: a later run of it counts them as one who asked, so their approval of its pull request is set aside.`;
  // The status keeps what it said (a failure's message, say) and gains the note.
  const { details } = detailsWith(statusDetailsOf(existing.body), [note]);
  await board.move(marker.state, {
    patch: pastBound ? { request_editors_past_bound: true } : { request_editors: editors },
    ...(details === undefined ? {} : { details }),
  });
  return {
    status: 'ignored',
    reason: `recorded ${editor.login} as an editor of the request on issue #${issueNumber}`,
  };
}

/**
 * Everyone a run of the issue body counts as asking already: the recorded editors, and the
 * requester and co-requesters when the task runs the body (those of a `/implement` comment's
 * payload asked for that text, not the body's).
 */
function bodyAskersOf(marker: TaskMarker): Account[] {
  const editors = marker.request_editors ?? [];
  if (marker.request_comment_id !== undefined) return editors;
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
    ...editors,
  ];
}

/**
 * The recorded editors of the issue body (`request_editors`) as co-requesters of a run of a task's
 * request: all of them when it runs from the issue body (each edit produced or preceded the text
 * that runs), none when it runs a payload in a `/implement` comment (`requestCommentId`), which
 * their edits did not touch. `unknown` for a body run when more edited it than the marker keeps
 * (`request_editors_past_bound`): the run must not start.
 */
export function requestEditorsOf(
  marker: Pick<TaskMarker, 'request_editors' | 'request_editors_past_bound'> | undefined,
  requestCommentId: number | undefined,
): RequestEditors {
  if (requestCommentId !== undefined) return { kind: 'known', editors: [] };
  if (marker?.request_editors_past_bound === true)
    return { kind: 'unknown', why: EDITORS_PAST_BOUND, lasting: true };
  return { kind: 'known', editors: marker?.request_editors ?? [] };
}

/** Why the editors of a body are unknown past the bound, in words that finish "…is not known because". */
export const EDITORS_PAST_BOUND = `more people edited it than a task records (${MAX_REQUEST_EDITORS})`;
