import { canChange } from '../../core/deploy/repository-permission.js';
import { requestDigest } from '../../core/idempotency/request-digest.js';
import { isRequestUnderWay } from '../../core/idempotency/request-under-way.js';
import { checkParsedRequest } from '../../core/request/check-parsed-request.js';
import type { RequestParseResult } from '../../core/request/request-parse-result.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { TaskState } from '../../core/state/task-state.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import type { Account } from '../../core/review/account.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { refuseIllegalMove } from '../task/refuse-illegal-move.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { holdRequest } from './hold-request.js';
import { requestEditorsOf } from './record-request-edit.js';
import { readRequestEditors, type RequestEditors } from './read-request-editors.js';
import { openIssueTask } from './open-issue-task.js';
import { issueTaskRunDependencies } from './issue-task-run-dependencies.js';
import { runIssueTask } from './run-issue-task.js';
import { FAILED_BY_UNRUNNABLE_REQUEST, stopForUnknownEditors } from './stop-for-unknown-editors.js';
import { requesterPastBound } from '../task/requester-patch.js';

/**
 * States an invalid request may end in `failed`: nothing is under way that it would undo. On any
 * other (a pull request open, a hold waiting for `/approve`), a request that does not validate is
 * not a run of the task: the task keeps its state, since anyone who can comment can send one.
 */
const FAILED_BY_INVALID_REQUEST: ReadonlySet<TaskState> = FAILED_BY_UNRUNNABLE_REQUEST;

/** One request to implement, from any channel (issue, `/implement` comment, REST). */
export interface ImplementationRequest {
  readonly repository: RepositoryRef;
  readonly issueNumber: number;
  /** Whom the task runs for; their repository permission decides between running and holding. */
  readonly requester: string;
  /** The requester's GitHub account id (the event sender's `id`), when the channel knows it. */
  readonly requesterId?: number | undefined;
  /** The requester's account type (the event sender's `type`), when the channel knows it. */
  readonly requesterType?: string | undefined;
  /**
   * Others who asked (the request text's author when the requester only started the task): kept
   * on the marker as `co_requesters`, whose approvals the self-approval rule sets aside too.
   */
  readonly coRequesters?: readonly Account[] | undefined;
  /** The request as the channel parsed it (the issue body, or a payload in a comment). */
  readonly request: RequestParseResult;
  /** The comment that carried the payload, when one did (the hold binds to it). */
  readonly requestCommentId?: number;
  /** The trigger's idempotency key (`comment:<id>`, `opened`, `labeled@…`). */
  readonly triggerKey: string;
  /** The trigger as people name it, for outcomes. */
  readonly triggerName: string;
  /** Whether the issue qualifies under the config (its labels): a reason when it does not. */
  readonly admits?: (config: AgentConfig) => string | undefined;
  /** A trigger that only (re)starts a task in these states (a labeling). */
  readonly startsOnlyFrom?: ReadonlySet<TaskState>;
  /**
   * The request is the issue's body as it is now, which others may have rewritten before any task
   * began (a labeling, a bare `/implement`; not an opening, whose body is its author's): its edit
   * history is read and every editor counts as a requester (`readRequestEditors`, review 9m).
   */
  readonly bodyMayBeEdited?: boolean;
}

/**
 * The implement use case (DESIGN §3), channel-neutral: carries out one request on an issue's task
 * and returns how it ended; it posts no reply of its own (runs and holds show on the task's status
 * comment). Reason codes beyond the run's own: `already_handled`, `task_exists` (ignored),
 * `task_settled` (refused), `invalid_config`, `invalid_request` (the task `failed`),
 * `request_invalid_task_unchanged` (an invalid request on a task under way: answered to its sender
 * only, by the channel, from `message`), `request_under_way` (this very request is being generated
 * or has its pull request: `message` says so for the channel), `request_editors_unknown` (who
 * edited the body cannot be read, or more wrote it than a task records: the task `failed`, or on a
 * task under way `refused` and unchanged; either way its status comment says why,
 * `stopForUnknownEditors`), `requester_lacks_write_access` (held).
 * Run it under the task's mutex. Throws GitHub's HTTP errors.
 */
export async function requestImplementation(
  deps: TaskEventDependencies,
  input: ImplementationRequest,
): Promise<TaskOutcome> {
  const { client } = deps;
  const { repository, issueNumber, requester } = input;
  const opened = await openIssueTask({ deps, ...input });
  if ('settled' in opened) return opened.settled;
  const { config, taskId, existing, board, state } = opened.task;

  const validation = checkParsedRequest(input.request);
  if (!validation.ok) {
    const outcome: TaskOutcome = {
      status: 'invalid_request',
      taskId,
      issueNumber,
      message: validation.message,
    };
    if (state !== undefined && !FAILED_BY_INVALID_REQUEST.has(state)) {
      const message = `this request cannot be run, so the task (${state.replaceAll('_', ' ')}) is unchanged:\n\n${validation.message}`;
      return { ...outcome, reasonCode: 'request_invalid_task_unchanged', message };
    }
    await board.move('failed', { details: validation.message, outcome });
    return outcome;
  }
  const now = deps.now?.() ?? new Date();
  if (
    existing &&
    isRequestUnderWay({ marker: existing.marker, digest: requestDigest(validation.payload), now })
  ) {
    const marker = existing.marker;
    const pull = marker.pull_number === undefined ? '' : ` (pull request #${marker.pull_number})`;
    const where =
      marker.state === 'generating' || marker.state === 'validating'
        ? `is already being generated${pull}`
        : `already has its pull request${pull}`;
    return {
      status: 'ignored',
      reasonCode: 'request_under_way',
      reason: `the request on issue #${issueNumber} ${where}; ${input.triggerName} repeats it`,
      message:
        `this request ${where}, made from exactly this request, so nothing was generated again. ` +
        'To change the result, edit the request (or put a new payload in a `/implement` comment) and comment `/implement` again.',
    };
  }
  const stop = (why: string, lasting = false) =>
    stopForUnknownEditors({ board, state, statusBody: existing?.body, taskId, issueNumber, why, lasting });
  const editors = await bodyEditors(deps, input, existing?.marker);
  if (editors.kind === 'unknown') return stop(editors.why, editors.lasting === true);
  const asker = {
    login: requester,
    id: input.requesterId,
    type: input.requesterType,
    // Whoever rewrote the issue body wrote the text that runs (review 9m).
    others: [...(input.coRequesters ?? []), ...editors.editors],
    editors: editors.editors,
  };
  const pastBound = requesterPastBound(asker);
  if (pastBound !== undefined) return stop(pastBound);
  const { owner, repo } = repository;
  const level = await repositoryPermissionLevel({ client, owner, repo, username: requester });
  if (!canChange(level)) {
    return holdRequest({
      client,
      repository,
      issueNumber,
      taskId,
      board,
      from: state,
      requester: asker,
      payload: validation.payload,
      requestCommentId: input.requestCommentId,
      why: { kind: 'no-write-access' },
    });
  }
  // An in-flight run left `generating`/`validating` behind is restarted by runIssueTask.
  const restartable = state === 'generating' || state === 'validating';
  const refused = restartable
    ? undefined
    : await refuseIllegalMove({ client, repository, issueNumber, from: state, to: 'generating', requester });
  if (refused) return { ...refused, taskId, issueNumber };
  return runIssueTask({
    client,
    repository,
    issueNumber,
    taskId,
    request: validation.payload,
    config,
    board,
    ...(await issueTaskRunDependencies(deps, { owner, repo, issueNumber, taskId, config })),
    requester: asker,
    source: input.requestCommentId === undefined ? 'issue-body' : { commentId: input.requestCommentId },
  });
}

/**
 * Who rewrote the request besides those counted as asking: read from GitHub when the body may have
 * been edited before the task began (`bodyMayBeEdited`), else those the task recorded since
 * (`requestEditorsOf`: none for a payload in a `/implement` comment).
 */
async function bodyEditors(
  deps: TaskEventDependencies,
  input: ImplementationRequest,
  marker: Pick<TaskMarker, 'request_editors' | 'request_editors_past_bound'> | undefined,
): Promise<RequestEditors> {
  if (input.bodyMayBeEdited !== true || input.requestCommentId !== undefined)
    return requestEditorsOf(marker, input.requestCommentId);
  return readRequestEditors(deps, {
    repository: input.repository,
    issueNumber: input.issueNumber,
    requester: {
      login: input.requester,
      ...(input.requesterId === undefined ? {} : { id: input.requesterId }),
    },
    coRequesters: input.coRequesters ?? [],
    marker,
  });
}
