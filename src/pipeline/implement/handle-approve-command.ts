import type { AgentConfig } from '../../core/config/agent-config.js';
import { reasonCodeOf } from '../../core/outcome/outcome-reason-code.js';
import type { TaskState } from '../../core/state/task-state.js';
import { postComment } from '../../github/post-comment.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import type { TaskEvent } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { StatusBoard } from '../task/status-board.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { approveHeldRequest } from './approve-held-request.js';

type ApproveEvent = Extract<TaskEvent, { kind: 'approve-comment' }>;

/**
 * `/approve` on an issue, the comment channel of the approve use case (`approveHeldRequest`): the
 * comment's author, with the permission GitHub gives them, approves; a refusal that changed
 * nothing is answered with a comment on the issue. A deleted request is shown on the task's
 * status comment instead (the use case failed the task there), as are runs and holds.
 */
export async function handleApproveCommand(params: {
  deps: TaskEventDependencies;
  event: ApproveEvent;
  /** The issue's status as read, trusted or not; `state` is the progress the board continues from. */
  status: StatusCommentRef | undefined;
  state: TaskState | undefined;
  board: StatusBoard;
  config: AgentConfig;
  taskId: string;
}): Promise<TaskOutcome> {
  const { deps, event, ...task } = params;
  const { client } = deps;
  const { owner, repo } = event.repository;
  const permission = await repositoryPermissionLevel({ client, owner, repo, username: event.approver });
  const outcome = await approveHeldRequest({
    ...task,
    deps,
    approval: {
      repository: event.repository,
      issueNumber: event.issueNumber,
      issueBody: event.issueBody,
      approver: { login: event.approver, id: event.approverId, type: event.approverType, permission },
    },
  });
  if (outcome.status === 'refused' && reasonCodeOf(outcome) !== 'request_deleted') {
    await postComment({ client, owner, repo, issueNumber: event.issueNumber, body: outcome.message });
  }
  return outcome;
}
