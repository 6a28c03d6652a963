import { nameSignedFor } from '../../core/deploy/name-signed-for.js';
import type { DeploymentAuthority } from '../../core/deploy/is-agent-deployment.js';
import { VerifiedDeployment } from '../../core/deploy/verified-deployment.js';
import { findEarlierNonce, type DeploymentListClient } from '../../github/find-earlier-nonce.js';
import type { RepositoryIdClient } from '../../github/marker-repository-ids.js';
import { repositoryIdOfName } from '../../github/repository-id-of-name.js';
import type { DeployEvent } from './deploy-event.js';

export type DeploymentVerdict =
  | {
      readonly accepted: true;
      /** With deployment keys: the proof the payload was verified, which trusting code asks for. */
      readonly proof?: VerifiedDeployment;
      readonly warning?: string;
    }
  | { readonly accepted: false; readonly refusal: string };

/**
 * Whether this run may carry the deployment out at all, before anything else is done: GitHub's
 * `creator` must be one of the agent's logins; a payload naming another repository id is refused;
 * with deployment keys the payload must be signed for this repository, sha and environment
 * (`judgeDeployment`) and its one-time nonce carried by no earlier deployment
 * (`findEarlierNonce`). An older payload signed over a name (v2) that is not the repository's
 * name now holds under the name it records (`nameSignedFor`) only when GitHub resolves that name
 * to this repository's id (`repositoryIdOfName`: a rename or transfer since). Without keys only
 * the creator is checked and a `warning` says so. The refusal is a sentence for the deployment
 * status and the log. Throws what Octokit throws.
 */
export async function verifyDeployment(params: {
  client: DeploymentListClient & RepositoryIdClient;
  event: DeployEvent;
  authority: DeploymentAuthority;
}): Promise<DeploymentVerdict> {
  const { event, authority } = params;
  const repository = `${event.repository.owner}/${event.repository.repo}`;
  const judge = (formerNames: readonly string[]) =>
    VerifiedDeployment.judge({
      deploymentId: event.deploymentId,
      creator: event.creator,
      creators: authority.creators,
      payload: event.payload,
      place: { repository, repositoryId: event.repositoryId, sha: event.sha, environment: event.environment },
      keys: authority.keys,
      formerNames,
    });
  let judgement = judge([]);
  const former = nameSignedFor({ payload: event.payload, current: repository });
  if (judgement.trust === 'refused' && former !== undefined && authority.keys !== undefined) {
    const formerId = await repositoryIdOfName({ client: params.client, ...former });
    if (formerId !== event.repositoryId) {
      return {
        accepted: false,
        refusal: refusal(
          event,
          `its payload is signed over the name ${former.owner}/${former.repo} (an older payload, without repository_id), which GitHub ${formerId === undefined ? 'does not know' : `gives to another repository (${formerId})`}, not to this one (${event.repositoryId})`,
        ),
      };
    }
    judgement = judge([`${former.owner}/${former.repo}`]);
  }
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
    nonce: judgement.proof.nonce,
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
  return { accepted: true, proof: judgement.proof };
}

function refusal(event: DeployEvent, reason: string): string {
  return `Refused deployment ${event.deploymentId}: ${reason}; nothing was deployed.`;
}
