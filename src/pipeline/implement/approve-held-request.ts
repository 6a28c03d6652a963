import type { AgentConfig } from '../../core/config/agent-config.js';
import { canChange } from '../../core/deploy/repository-permission.js';
import { findHeldRequest } from '../../core/request/find-held-request.js';
import { heldRequestText } from '../../core/request/held-request-text.js';
import { parseFencedPayload } from '../../core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../../core/request/parse-issue-request.js';
import { heldTextDigest } from '../../core/request/held-text-digest.js';
import { checkParsedRequest } from '../../core/request/check-parsed-request.js';
import type { TaskState } from '../../core/state/task-state.js';
import { httpStatusOf } from '../../github/http-status.js';
import { postComment } from '../../github/post-comment.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import { holdRequest } from './hold-request.js';
import { runIssueTask } from './run-issue-task.js';
import { cancelWatchFor } from '../control/cancel-watch-for.js';
import type { StatusBoard } from '../task/status-board.js';
import type { TaskEvent } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';

type ApproveEvent = Extract<TaskEvent, { kind: 'approve-comment' }>;

/**
 * `/approve` on an issue: from someone with write access, on a hold the agent provably wrote
 * (a trusted marker), it re-reads the held request from GitHub and runs it only when its text
 * still has the digest the hold recorded; a changed request is held again, with the change shown.
 */
export async function approveHeldRequest(params: {
  deps: TaskEventDependencies;
  task: ApproveEvent;
  /** The issue's status as read, trusted or not; `state` is the progress the board continues from. */
  status: StatusCommentRef | undefined;
  state: TaskState | undefined;
  board: StatusBoard;
  config: AgentConfig;
  taskId: string;
}): Promise<TaskOutcome> {
  const { deps, task, status, board, taskId } = params;
  const { client } = deps;
  const { owner, repo } = task.repository;
  const issueNumber = task.issueNumber;
  const refuse = async (message: string): Promise<TaskOutcome> => {
    await postComment({ client, owner, repo, issueNumber, body: message });
    return { status: 'refused', taskId, issueNumber, message };
  };
  const level = await repositoryPermissionLevel({ client, owner, repo, username: task.approver });
  if (!canChange(level)) {
    return refuse(
      `@${task.approver}, \`/approve\` needs write, maintain or admin permission on ${owner}/${repo}; you have ${level}.`,
    );
  }
  if (params.state !== 'held' || status === undefined) {
    const state = params.state ? ` (the task is ${params.state.replace('_', ' ')})` : '';
    return refuse(`@${task.approver}, nothing on this issue is waiting for approval${state}.`);
  }
  if (status.trust !== 'trusted') {
    return refuse(
      `@${task.approver}, the hold on this issue cannot be proven to be implementation-agent's: its status ${status.reason}. ` +
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
    return { status: 'refused', taskId, issueNumber, message };
  }
  const parsed =
    commentBody === undefined
      ? parseIssueRequest(task.issueBody)
      : parseFencedPayload(commentBody, 'comment');
  const validation = checkParsedRequest(parsed);
  if (!validation.ok) {
    const { message } = validation;
    const outcome: TaskOutcome = { status: 'invalid_request', taskId, issueNumber, message };
    await board.move('failed', { details: message, outcome });
    return outcome;
  }
  if (held.request_digest !== heldTextDigest(heldRequestText(validation.payload))) {
    const changedFrom =
      held.request_digest === undefined
        ? undefined
        : findHeldRequest({ body: status.body, digest: held.request_digest });
    return holdRequest({
      client,
      repository: task.repository,
      issueNumber,
      taskId,
      board,
      from: params.state,
      requester: task.approver,
      payload: validation.payload,
      requestCommentId: held.request_comment_id,
      why: { kind: 'changed', changedFrom },
    });
  }
  deps.log(`Releasing the request held on #${issueNumber}, approved by ${task.approver}`);
  return runIssueTask({
    client,
    repository: task.repository,
    issueNumber,
    taskId,
    request: validation.payload,
    config: params.config,
    board,
    provider: deps.providerFor(params.config),
    ...artifactsOf(deps, params.config),
    log: deps.log,
    ...(deps.graphql ? { graphql: deps.graphql } : {}),
    cancel: cancelWatchFor(deps, { owner, repo, issueNumber, taskId, config: params.config }),
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

function artifactsOf(deps: TaskEventDependencies, config: AgentConfig) {
  const artifacts = deps.mirrors?.forConfig(config).artifacts;
  return artifacts === undefined ? {} : { artifacts };
}
