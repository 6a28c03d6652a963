import { isTaskOfRepository } from '../../core/task/is-task-of-repository.js';
import type { DeployEvent } from './deploy-event.js';

/**
 * Why a deploy run must not move `taskId` (a deployment payload's, or the payload of the deployment
 * a rollback replaced), or `undefined` when the task is an issue of the repository the deployment
 * is in. The payload is whatever its creator wrote, and the tasks and results tables are shared by
 * every repository: a deployment in `acme/shop` naming `victim/bank#1` never moves that record.
 */
export function refuseForeignTask(params: { taskId: string; event: DeployEvent }): string | undefined {
  const { owner, repo } = params.event.repository;
  if (isTaskOfRepository({ taskId: params.taskId, owner, repo })) return undefined;
  return `Deployment ${params.event.deploymentId} names task ${params.taskId}, which is not an issue of ${owner}/${repo}: its record is not moved.`;
}
