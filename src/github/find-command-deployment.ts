import type { DeploymentAuthority } from '../core/deploy/is-agent-deployment.js';
import { findTriggerDeployment, type TriggerDeploymentClient } from './find-trigger-deployment.js';

export type CommandDeploymentClient = TriggerDeploymentClient;

/**
 * The deployment an earlier handling of this `/deploy` or `/rollback` comment created (its payload
 * names the comment in `command_comment_id`), so a redelivered command is not carried out again;
 * see `findTriggerDeployment` for how far it reads and which deployments count.
 */
export async function findCommandDeployment(params: {
  client: CommandDeploymentClient;
  owner: string;
  repo: string;
  commentId: number;
  commentedAt: string;
  authority: DeploymentAuthority;
}): Promise<{ id: number; environment: string } | undefined> {
  const { commentId, commentedAt, ...rest } = params;
  return findTriggerDeployment({ ...rest, trigger: { commentId }, since: commentedAt });
}
