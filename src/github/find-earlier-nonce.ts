import type { GitHubDeployment } from '../core/deploy/deployment-record.js';
import { isRecord } from '../core/request/is-record.js';
import { readAllPages } from './read-all-pages.js';

export interface DeploymentListClient {
  repos: {
    listDeployments(p: {
      owner: string;
      repo: string;
      sha: string;
      environment: string;
      per_page: number;
      page?: number;
    }): Promise<{ data: GitHubDeployment[]; headers?: { link?: string | undefined } }>;
  };
}

/** GitHub's largest page (`per_page` ≤ 100); 20 pages is 2,000 deployments of one sha and environment. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/**
 * The id of an earlier deployment (a smaller id) of the same sha and environment whose payload
 * carried `nonce`, or `undefined`. A signed payload binds its sha and environment, so a copy of it
 * can only be replayed there; the first deployment to carry a nonce is the one the agent made, and
 * every later copy is refused. Reads every page (`GET /repos/{owner}/{repo}/deployments?sha&environment`);
 * throws `IncompleteListError` past `MAX_PAGES`, and what Octokit throws.
 */
export async function findEarlierNonce(params: {
  client: DeploymentListClient;
  owner: string;
  repo: string;
  sha: string;
  environment: string;
  nonce: string;
  deploymentId: number;
}): Promise<number | undefined> {
  const { client, owner, repo, sha, environment } = params;
  const deployments = await readAllPages<GitHubDeployment>({
    what: `deployments of ${sha.slice(0, 7)} to ${environment}`,
    maxPages: MAX_PAGES,
    fetchPage: async ({ page }) => {
      const answer = await client.repos.listDeployments({
        owner,
        repo,
        sha,
        environment,
        per_page: PAGE_SIZE,
        ...(page === undefined ? {} : { page }),
      });
      return { items: answer.data, link: answer.headers?.link };
    },
  });
  const earlier = deployments
    .filter((deployment) => Number(deployment.id) < params.deploymentId)
    .filter((deployment) => nonceOf(deployment.payload) === params.nonce)
    .map((deployment) => Number(deployment.id));
  return earlier.length === 0 ? undefined : Math.min(...earlier);
}

function nonceOf(payload: GitHubDeployment['payload']): unknown {
  if (typeof payload !== 'string') return payload['nonce'];
  try {
    const parsed: unknown = JSON.parse(payload);
    return isRecord(parsed) ? parsed['nonce'] : undefined;
  } catch {
    return undefined;
  }
}
