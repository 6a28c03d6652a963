import type { AgentConfig } from '../../core/config/agent-config.js';
import { canChange, type RepositoryPermission } from '../../core/deploy/repository-permission.js';
import type { OutcomeReasonCode } from '../../core/outcome/outcome-reason-code.js';
import { findHeldRequest } from '../../core/request/find-held-request.js';
import { heldRequestText } from '../../core/request/held-request-text.js';
import { parseFencedPayload } from '../../core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../../core/request/parse-issue-request.js';
import { heldTextDigest } from '../../core/request/held-text-digest.js';
import { checkParsedRequest } from '../../core/request/check-parsed-request.js';
import type { TaskState } from '../../core/state/task-state.js';
import { httpStatusOf } from '../../github/http-status.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import { holdRequest } from './hold-request.js';
import { requestEditorsOf } from './record-request-edit.js';
import { stopForUnknownEditors } from './stop-for-unknown-editors.js';
import { issueTaskRunDependencies } from './issue-task-run-dependencies.js';
import { runIssueTask } from './run-issue-task.js';
import type { StatusBoard } from '../task/status-board.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';

/** Who releases a held request, and on which issue: the same inputs whatever the channel. */
export interface HeldRequestApproval {
  readonly repository: RepositoryRef;
  readonly issueNumber: number;
  /** The issue's body as GitHub has it now: the request, when the hold is of the issue itself. */
  readonly issueBody: string;
  /** The maintainer approving, and their repository permission (write, maintain or admin releases). */
  readonly approver: {
    readonly login: string;
    /** Their GitHub account id (the sender's `id`), when the channel knows it. */
    readonly id?: number | undefined;
    /** Their GitHub account type (the sender's `type`), when the channel knows it. */
    readonly type?: string | undefined;
    readonly permission: RepositoryPermission;
  };
}

/**
 * The approve use case (DESIGN §5a), channel-neutral: from someone with write access, on a hold
 * the agent provably wrote (a trusted marker), it re-reads the held request from GitHub and runs
 * it (`runIssueTask`, whose outcome it returns) only when its text still has the digest the hold
 * recorded; a changed request is held again, with the change shown (`held`, reason code
 * `held_request_changed`). Refusals are `refused` with a reason code and change nothing, save
 * `request_deleted`:
 * - `approver_lacks_write_access`: the approver may not release it;
 * - `nothing_held`: the task is not `held` (or no task is tracked);
 * - `hold_not_trusted`: the hold's marker is not proven the agent's (`status.reason` says why);
 * - `request_deleted`: the comment holding the request was deleted; the task moves to `failed`
 *   and its status comment says so.
 * An invalid request is `invalid_request` and fails the task. Nothing is posted here beyond the
 * task's status comment (the board); each channel answers the refusals. Throws GitHub's HTTP errors.
 */
export async function approveHeldRequest(params: {
  deps: TaskEventDependencies;
  approval: HeldRequestApproval;
  /** The issue's status as read, trusted or not; `state` is the progress the board continues from. */
  status: StatusCommentRef | undefined;
  state: TaskState | undefined;
  board: StatusBoard;
  config: AgentConfig;
  taskId: string;
}): Promise<TaskOutcome> {
  const { deps, approval, status, board, taskId } = params;
  const { client } = deps;
  const { owner, repo } = approval.repository;
  const { issueNumber } = approval;
  const approver = approval.approver.login;
  const refuse = (reasonCode: OutcomeReasonCode, message: string): TaskOutcome => ({
    status: 'refused',
    reasonCode,
    taskId,
    issueNumber,
    message,
  });
  const level = approval.approver.permission;
  if (!canChange(level)) {
    return refuse(
      'approver_lacks_write_access',
      `@${approver}, \`/approve\` needs write, maintain or admin permission on ${owner}/${repo}; you have ${level}.`,
    );
  }
  if (params.state !== 'held' || status === undefined) {
    const state = params.state ? ` (the task is ${params.state.replace('_', ' ')})` : '';
    return refuse('nothing_held', `@${approver}, nothing on this issue is waiting for approval${state}.`);
  }
  if (status.trust !== 'trusted') {
    return refuse(
      'hold_not_trusted',
      `@${approver}, the hold on this issue cannot be proven to be implementation-agent's: its status ${status.reason}. ` +
        'So `/approve` released nothing. A maintainer can comment `/implement` to run the request as it is now; ' +
        'with the Action under `GITHUB_TOKEN`, set its `marker-secret` input so holds are signed and `/approve` works.',
    );
  }

  const held = status.marker;
  const commentBody =
    held.request_comment_id === undefined
      ? undefined
      : await readHeldComment({ client, owner, repo, commentId: held.request_comment_id });
  if (commentBody === null) {
    const message =
      `The comment holding the request (${held.request_comment_id}) was deleted, so there is nothing ` +
      'to approve and `/approve` released nothing. Post the request again with `/implement`.';
    await board.move('failed', { details: message });
    return refuse('request_deleted', message);
  }
  const parsed =
    commentBody === undefined
      ? parseIssueRequest(approval.issueBody)
      : parseFencedPayload(commentBody, 'comment');
  const validation = checkParsedRequest(parsed);
  if (!validation.ok) {
    const { message } = validation;
    const outcome: TaskOutcome = { status: 'invalid_request', taskId, issueNumber, message };
    await board.move('failed', { details: message, outcome });
    return outcome;
  }
  // Whoever rewrote the held issue body wrote (part of) what runs (reviews 9m, 13m).
  const editors = requestEditorsOf(held, held.request_comment_id);
  if (editors.kind === 'unknown') {
    return stopForUnknownEditors({
      board,
      state: params.state,
      statusBody: status.body,
      taskId,
      issueNumber,
      why: editors.why,
      lasting: editors.lasting === true,
    });
  }
  if (held.request_digest !== heldTextDigest(heldRequestText(validation.payload))) {
    const changedFrom =
      held.request_digest === undefined
        ? undefined
        : findHeldRequest({ body: status.body, digest: held.request_digest });
    return holdRequest({
      client,
      repository: approval.repository,
      issueNumber,
      taskId,
      board,
      from: params.state,
      // Held again as the approver's; whoever asked before still asked (`co_requesters`).
      requester: {
        login: approver,
        id: approval.approver.id,
        type: approval.approver.type,
        others: [
          ...(held.requester === undefined
            ? []
            : [
                {
                  login: held.requester,
                  ...(held.requester_id === undefined ? {} : { id: held.requester_id }),
                  ...(held.requester_type === undefined ? {} : { type: held.requester_type }),
                },
              ]),
          ...(held.co_requesters ?? []),
          ...editors.editors,
        ],
        editors: editors.editors,
      },
      payload: validation.payload,
      requestCommentId: held.request_comment_id,
      why: { kind: 'changed', changedFrom },
    });
  }
  deps.log(`Releasing the request held on #${issueNumber}, approved by ${approver}`);
  return runIssueTask({
    client,
    repository: approval.repository,
    issueNumber,
    taskId,
    request: validation.payload,
    config: params.config,
    board,
    ...(await issueTaskRunDependencies(deps, { owner, repo, issueNumber, taskId, config: params.config })),
    // The hold's asker stays; editors recorded while it waited join them.
    ...(held.requester === undefined || editors.editors.length === 0
      ? {}
      : {
          requester: {
            login: held.requester,
            id: held.requester_id,
            type: held.requester_type,
            others: [...(held.co_requesters ?? []), ...editors.editors],
            editors: editors.editors,
          },
        }),
    source: held.request_comment_id === undefined ? 'issue-body' : { commentId: held.request_comment_id },
  });
}

/** The held `/implement` comment's body as GitHub has it now; `null` once it was deleted (404). */
async function readHeldComment(params: {
  client: TaskEventDependencies['client'];
  owner: string;
  repo: string;
  commentId: number;
}): Promise<string | null> {
  const { client, owner, repo, commentId } = params;
  try {
    return (await client.issues.getComment({ owner, repo, comment_id: commentId })).data.body ?? '';
  } catch (error) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
}
