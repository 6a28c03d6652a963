import {
  toDeploymentRecord,
  type DeploymentRecord,
  type GitHubDeployment,
} from '../core/deploy/deployment-record.js';
import type { DeploymentAuthority } from '../core/deploy/is-agent-deployment.js';
import { agentDeploymentFilter } from './agent-deployment-filter.js';
import type { RepositoryIdClient } from './marker-repository-ids.js';
import { httpStatusOf } from './http-status.js';
import { readDeploymentStatuses, type DeploymentStatusesClient } from './read-deployment-statuses.js';

export interface DeploymentReadClient extends DeploymentStatusesClient {
  repos: DeploymentStatusesClient['repos'] & {
    getDeployment(p: {
      owner: string;
      repo: string;
      deployment_id: number;
    }): Promise<{ data: GitHubDeployment }>;
  };
}

/**
 * One deployment by id with all its statuses and its payload, asked of GitHub directly rather than
 * looked for in a list; `undefined` when there is no such deployment (404), or with `authority`
 * when it is not the agent's (`agentDeploymentFilter`: its former names too).
 */
export async function readDeployment(params: {
  client: DeploymentReadClient & RepositoryIdClient;
  owner: string;
  repo: string;
  deploymentId: number;
  authority?: DeploymentAuthority;
}): Promise<{ record: DeploymentRecord; payload: unknown } | undefined> {
  const { client, owner, repo, deploymentId } = params;
  let deployment: GitHubDeployment;
  try {
    deployment = (await client.repos.getDeployment({ owner, repo, deployment_id: deploymentId })).data;
  } catch (error) {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  }
  if (
    params.authority !== undefined &&
    !(await agentDeploymentFilter({ client, authority: params.authority, owner, repo })(deployment))
  )
    return undefined;
  const statuses = await readDeploymentStatuses({ client, owner, repo, deploymentId });
  const payload = typeof deployment.payload === 'string' ? parseJson(deployment.payload) : deployment.payload;
  return { record: toDeploymentRecord(deployment, statuses), payload };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
