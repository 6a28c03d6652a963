import { deploymentKeysFrom } from '../core/deploy/deployment-keys.js';
import { deploymentAuthority, type DeploymentAuthority } from '../core/deploy/is-agent-deployment.js';
import type { StatusTrust } from './status-trust.js';

/**
 * Who counts as the agent in deployment history for a runtime: the identity it writes as (asked
 * of GitHub once, see `statusTrust`) and the deployment keys derived from its marker keys, in the
 * repository of GitHub id `repositoryId`. Rejects when GitHub cannot say who the token is.
 */
export async function deploymentAuthorityOf(
  trust: StatusTrust,
  repositoryId: number,
): Promise<DeploymentAuthority> {
  return deploymentAuthority({
    identity: await trust.identity(),
    keys: deploymentKeysFrom(trust.keys),
    repositoryId,
  });
}
