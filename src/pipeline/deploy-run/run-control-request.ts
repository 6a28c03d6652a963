import type { CloudFormationApi } from '../../aws/cloudformation/cloudformation-api.js';
import { cancelStackUpdate } from '../../aws/cloudformation/cancel-stack-update.js';
import type { DeployLockStore } from '../../core/stores/deploy-lock-store.js';
import { describeLockHolder } from '../../aws/dynamodb/describe-lock-holder.js';
import { deploymentPayloadSchema } from '../../core/deploy/deployment-payload.js';
import type { ControlRequest } from '../../core/deploy/control-request.js';
import type { DeploymentAuthority } from '../../core/deploy/is-agent-deployment.js';
import { postComment } from '../../github/post-comment.js';
import { readDeploymentHistory, type DeploymentHistoryClient } from '../../github/read-deployment-history.js';
import type { StatusCommentClient } from '../../github/status-comment.js';
import type { RepositoryRef } from '../events/task-event.js';

export type ControlOutcome = { readonly status: 'answered'; readonly message: string };

/**
 * `/cancel <env>`: stop the update the environment's running deployment started (its own run then
 * ends it as cancelled); only the agent's own deployments count (`authority`, see
 * `isAgentDeployment`), so a hand-made deployment left `in_progress` with another stack in its
 * payload never turns a maintainer's `/cancel staging` against that stack. `/unlock <env>`: remove the environment's deploy lock. The answer goes
 * back where the command was written.
 */
export async function runControlRequest(params: {
  client: DeploymentHistoryClient & Pick<StatusCommentClient, 'issues'>;
  repository: RepositoryRef;
  request: ControlRequest;
  authority: DeploymentAuthority;
  cloudFormationFor: (region: string) => CloudFormationApi;
  lockStore?: DeployLockStore;
  now: () => number;
}): Promise<ControlOutcome> {
  const { request } = params;
  const message = request.command === 'cancel' ? await cancel(params) : await unlock(params);
  const { owner, repo } = params.repository;
  await postComment({ client: params.client, owner, repo, issueNumber: request.issue_number, body: message });
  return { status: 'answered', message };
}

async function cancel(params: Parameters<typeof runControlRequest>[0]): Promise<string> {
  const { owner, repo } = params.repository;
  const { environment } = params.request;
  const history = await readDeploymentHistory({
    client: params.client,
    owner,
    repo,
    filter: { environment },
    authority: params.authority,
  });
  const running = history.records.find((record) => record.latestState === 'in_progress');
  if (!running) return `Nothing is deploying to **${environment}** right now, so there is nothing to cancel.`;
  const payload = deploymentPayloadSchema.safeParse(history.payloadOf(running.id));
  if (!payload.success)
    return `Deployment ${running.id} to **${environment}** was not made by implementation-agent; cancel it where it was started.`;
  const cancellation = await cancelStackUpdate({
    cfn: params.cloudFormationFor(payload.data.region),
    stackName: payload.data.stack_name,
  });
  return `${cancellation.kind === 'cancel-requested' ? '⏹️' : 'ℹ️'} Deployment ${running.id} to **${environment}**: ${cancellation.message}`;
}

async function unlock(params: Parameters<typeof runControlRequest>[0]): Promise<string> {
  const { environment } = params.request;
  if (!params.lockStore) {
    return `No lock table is configured (\`mirrors.locks_table\`), so **${environment}** has no lock to release; the workflow's concurrency group runs its deploys one at a time.`;
  }
  const { owner, repo } = params.repository;
  const removed = await params.lockStore.forceRelease({ repository: `${owner}/${repo}`, environment });
  return removed
    ? `🔓 Released the lock on **${environment}** for @${params.request.requested_by}. It was: ${describeLockHolder(removed, params.now())}`
    : `**${environment}** was not locked.`;
}
