import type { GitHubDeployment } from '../core/deploy/deployment-record.js';
import {
  isAgentDeployment,
  payloadOf,
  type DeploymentAuthority,
} from '../core/deploy/is-agent-deployment.js';
import { nameSignedFor } from '../core/deploy/name-signed-for.js';
import type { RepositoryIdClient } from './marker-repository-ids.js';
import { repositoryIdOfName } from './repository-id-of-name.js';

/**
 * Whether each deployment listed from `owner/repo` is the agent's (`isAgentDeployment`), its
 * repository's former names included: an older payload signed over a name (v2, without
 * `repository_id`) that is not the repository's name now counts under the name it records
 * (`nameSignedFor`) only when GitHub resolves that name to `authority.repositoryId` (a rename or a
 * transfer since: `repositoryIdOfName`), as the deploy run's verification judges it
 * (`verifyDeployment`). Each name is asked of GitHub at most once per filter, and only for a
 * payload refused under the name now with a key configured. Throws what Octokit throws.
 */
export function agentDeploymentFilter(params: {
  client: RepositoryIdClient;
  authority: DeploymentAuthority;
  owner: string;
  repo: string;
}): (deployment: GitHubDeployment) => Promise<boolean> {
  const { client, authority } = params;
  const repository = `${params.owner}/${params.repo}`;
  const looked = new Map<string, Promise<number | undefined>>();
  const idOf = (name: { owner: string; repo: string }) => {
    const key = `${name.owner}/${name.repo}`.toLowerCase();
    let id = looked.get(key);
    if (id === undefined) {
      id = repositoryIdOfName({ client, ...name });
      looked.set(key, id);
    }
    return id;
  };
  return async (deployment) => {
    if (isAgentDeployment({ deployment, authority, repository })) return true;
    const former =
      authority.keys === undefined
        ? undefined
        : nameSignedFor({ payload: payloadOf(deployment), current: repository });
    if (former === undefined || (await idOf(former)) !== authority.repositoryId) return false;
    return isAgentDeployment({
      deployment,
      authority,
      repository,
      formerNames: [`${former.owner}/${former.repo}`],
    });
  };
}
