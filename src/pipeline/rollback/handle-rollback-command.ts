import type { ChatCommand } from '../../core/commands/chat-command.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import type { ChatCommandEvent } from '../events/handle-chat-command.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { requestRollback } from './request-rollback.js';
import { renderDeploymentOutcome } from '../deploy/render-deployment-outcome.js';

type RollbackCommand = Extract<ChatCommand, { kind: 'rollback' }>;

/**
 * `/rollback <env> [to <sha|deployment-id>]`, the comment channel of the rollback use case
 * (`requestRollback`): the comment's author, time and id are the request; the outcome is answered
 * on the issue or pull request the comment was written on. A refusal returns what `answer`
 * returns; a created (or created and ended) deployment returns the use case's outcome; a
 * redelivered comment is `ignored` and answered by no one.
 */
export async function handleRollbackCommand(params: {
  deps: TaskEventDependencies;
  event: ChatCommandEvent;
  config: AgentConfig;
  command: RollbackCommand;
  /** The author's permission, already read (and required to be write or more) by the command handler. */
  permission: RepositoryPermission;
  answer: (body: string) => Promise<TaskOutcome>;
}): Promise<TaskOutcome> {
  const { event, command, answer } = params;
  const outcome = await requestRollback({
    deps: params.deps,
    config: params.config,
    request: {
      repository: event.repository,
      environment: command.environment,
      target: command.target,
      requester: { login: event.author, permission: params.permission },
      trigger: { commentId: event.commentId },
      requestedAt: event.commentedAt,
    },
  });
  return renderDeploymentOutcome(outcome, answer);
}
