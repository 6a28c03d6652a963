import { judgeDeployment } from '../../core/deploy/judge-deployment.js';
import type { DeploymentAuthority } from '../../core/deploy/is-agent-deployment.js';
import { findEarlierNonce, type DeploymentListClient } from '../../github/find-earlier-nonce.js';
import type { DeployEvent } from './deploy-event.js';

export type DeploymentVerdict =
  | { readonly accepted: true; readonly signedWith?: 'current' | 'previous'; readonly warning?: string }
  | { readonly accepted: false; readonly refusal: string };

/**
 * Whether this run may carry the deployment out at all, before anything else is done: GitHub's
 * `creator` must be one of the agent's logins; a payload naming another repository id is refused;
 * with deployment keys the payload must be signed for this repository, sha and environment (`judgeDeployment`) and its one-time nonce carried by no earlier
 * deployment (`findEarlierNonce`). Without keys only the creator is checked and a `warning` says
 * so. The refusal is a sentence for the deployment status and the log. Throws what Octokit throws.
 */
export async function verifyDeployment(params: {
  client: DeploymentListClient;
  event: DeployEvent;
  authority: DeploymentAuthority;
}): Promise<DeploymentVerdict> {
  const { event, authority } = params;
  const judgement = judgeDeployment({
    creator: event.creator,
    creators: authority.creators,
    payload: event.payload,
    place: {
      repository: `${event.repository.owner}/${event.repository.repo}`,
      repositoryId: event.repositoryId,
      sha: event.sha,
      environment: event.environment,
    },
    keys: authority.keys,
  });
  if (judgement.trust === 'refused') return { accepted: false, refusal: refusal(event, judgement.reason) };
  if (judgement.trust === 'unsigned') {
    return {
      accepted: true,
      warning: `Deployment ${event.deploymentId} is unsigned: ${judgement.reason}. Set the marker-secret input so only deployments the agent made are carried out.`,
    };
  }
  const earlier = await findEarlierNonce({
    client: params.client,
    owner: event.repository.owner,
    repo: event.repository.repo,
    sha: event.sha,
    environment: event.environment,
    nonce: judgement.nonce,
    deploymentId: event.deploymentId,
  });
  if (earlier !== undefined) {
    return {
      accepted: false,
      refusal: refusal(
        event,
        `its signed payload is a copy of deployment ${earlier}'s, which was already made`,
      ),
    };
  }
  return { accepted: true, signedWith: judgement.signedWith };
}

function refusal(event: DeployEvent, reason: string): string {
  return `Refused deployment ${event.deploymentId}: ${reason}; nothing was deployed.`;
}
