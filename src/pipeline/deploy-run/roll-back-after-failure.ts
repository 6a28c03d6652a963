import { deploymentPayloadSchema, type DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import { lastGoodBefore } from '../../core/deploy/last-good-before.js';
import { createDeployment, type DeploymentClient } from '../../github/create-deployment.js';
import { readDeploymentHistory, type DeploymentHistoryClient } from '../../github/read-deployment-history.js';
import type { DeploymentAuthority } from '../../core/deploy/is-agent-deployment.js';
import type { DeployEvent } from './deploy-event.js';

/**
 * `auto_rollback`: after a failed deploy, redeploy what ran before, as a new deployment marked
 * `rollback_of` the failed one and carried out in this same run (deployments made with the
 * workflow's token start no workflow). With `authority`, it returns only to a deployment the
 * agent made (`isAgentDeployment`) and signs the new payload with its keys. Returns the lines that
 * report it.
 */
export async function rollBackAfterFailure(params: {
  client: DeploymentHistoryClient & DeploymentClient;
  event: DeployEvent;
  payload: DeploymentPayload;
  authority?: DeploymentAuthority;
  redeploy: (event: DeployEvent) => Promise<{ status: string }>;
  log: (line: string) => void;
}): Promise<string[]> {
  const { client, event } = params;
  const { owner, repo } = event.repository;
  const failed = { id: event.deploymentId, sha: event.sha, environment: event.environment };
  const history = await readDeploymentHistory({
    client,
    owner,
    repo,
    filter: { environment: event.environment },
    ...(params.authority === undefined ? {} : { authority: params.authority }),
    // Newest first: the first good one found is the last good one.
    enough: (records) => lastGoodBefore({ history: records, failed }) !== undefined,
  });
  const target = lastGoodBefore({ history: history.records, failed });
  if (!target)
    return [
      `- ↩️ Automatic rollback: no earlier successful deployment of **${event.environment}** to return to.`,
    ];
  const previous = deploymentPayloadSchema.safeParse(history.payloadOf(target.id));
  if (!previous.success) {
    return [
      `- ↩️ Automatic rollback: deployment ${target.id} was not made by implementation-agent, so it cannot be redeployed exactly.`,
    ];
  }
  const payload: DeploymentPayload = {
    ...previous.data,
    requested_by: params.payload.requested_by,
    dry_run: false,
    rollback_of: event.deploymentId,
    rollback_to: target.id,
    ...(params.payload.pull_number === undefined ? {} : { pull_number: params.payload.pull_number }),
  };
  // Made with the workflow's own token, it starts no new run: this run carries it out itself.
  const { id: deploymentId } = await createDeployment({
    client,
    owner,
    repo,
    repositoryId: event.repositoryId,
    environment: event.environment,
    payload,
    keys: params.authority?.keys,
    description: `Automatic rollback of deployment ${event.deploymentId} to ${target.id}`,
  });
  params.log(`Rolling ${event.environment} back to ${target.sha} as deployment ${deploymentId}`);
  const outcome = await params.redeploy({ ...event, deploymentId, sha: target.sha, payload });
  const ended = outcome.status === 'deployed' ? 'succeeded' : 'failed too; the environment needs a person';
  return [
    `- ↩️ Automatic rollback to \`${target.sha.slice(0, 7)}\` (deployment ${target.id}) as deployment ${deploymentId}: ${ended}.`,
  ];
}
