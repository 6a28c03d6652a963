import type { ChatCommand } from '../../core/commands/chat-command.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { ChatCommandEvent } from '../events/handle-chat-command.js';
import { requestDeployment } from './request-deployment.js';
import { renderDeploymentOutcome } from './render-deployment-outcome.js';
import { recordUnstartableDeploy } from './record-unstartable-deploy.js';

type DeployCommand = Extract<ChatCommand, { kind: 'deploy' }>;

/**
 * `/deploy <env> [--dry-run]`, the comment channel of the deploy use case (`requestDeployment`):
 * the comment's author, time and id are the request; the outcome is answered on the issue or pull
 * request the comment was written on. A refusal returns what `answer` returns; a created (or
 * created and ended) deployment returns the use case's outcome. A deployment no workflow run can
 * start is recorded on the task first (`recordUnstartableDeploy`: its environment `deploy_failed`,
 * as a deploy on merge records it), then answered.
 */
export async function handleDeployCommand(params: {
  deps: TaskEventDependencies;
  event: ChatCommandEvent;
  config: AgentConfig;
  command: DeployCommand;
  /** The author's permission, already read (and required to be write or more) by the command handler. */
  permission: RepositoryPermission;
  answer: (body: string) => Promise<TaskOutcome>;
}): Promise<TaskOutcome> {
  const { event, answer } = params;
  const outcome = await requestDeployment({
    deps: params.deps,
    config: params.config,
    request: {
      repository: event.repository,
      environment: params.command.environment,
      dryRun: params.command.dryRun,
      requester: { login: event.author, permission: params.permission },
      source: { issueNumber: event.issueNumber, onPullRequest: event.onPullRequest },
      requestedAt: event.commentedAt,
      trigger: { commentId: event.commentId },
      automated: false,
    },
  });
  const warning = await recordUnstartableDeploy({
    deps: params.deps,
    config: params.config,
    repository: event.repository,
    outcome,
  });
  const told =
    warning === undefined || outcome.status !== 'deploy_failed'
      ? outcome
      : { ...outcome, message: `${outcome.message}\n\n⚠️ ${warning}` };
  return renderDeploymentOutcome(told, answer);
}
