import type { GitHubDeploymentStatus } from '../core/deploy/deployment-record.js';
import { readAllPages } from './read-all-pages.js';

export interface DeploymentStatusesClient {
  repos: {
    listDeploymentStatuses(p: {
      owner: string;
      repo: string;
      deployment_id: number;
      per_page: number;
      page?: number;
    }): Promise<{ data: GitHubDeploymentStatus[]; headers?: { link?: string | undefined } }>;
  };
}

/** Every status of one deployment, newest first: whether it ever succeeded depends on all of them. */
export function readDeploymentStatuses(params: {
  client: DeploymentStatusesClient;
  owner: string;
  repo: string;
  deploymentId: number;
}): Promise<GitHubDeploymentStatus[]> {
  const { client, owner, repo, deploymentId } = params;
  return readAllPages({
    what: `statuses of deployment ${deploymentId}`,
    maxPages: 10,
    fetchPage: async ({ page }) => {
      const answer = await client.repos.listDeploymentStatuses({
        owner,
        repo,
        deployment_id: deploymentId,
        per_page: 100,
        ...(page === undefined ? {} : { page }),
      });
      return { items: answer.data, link: answer.headers?.link };
    },
  });
}
