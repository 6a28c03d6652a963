import { httpStatusOf } from './http-status.js';

export interface CompareClient {
  repos: {
    compareCommitsWithBasehead(p: {
      owner: string;
      repo: string;
      basehead: string;
      per_page: number;
    }): Promise<{ data: { status: string } }>;
  };
}

/**
 * Whether `sha` is on `branch` now, asked of GitHub: comparing `sha...branch` answers `ahead` or
 * `identical` exactly when the branch contains the sha (docs.github.com, *Compare two commits*).
 * A branch that no longer exists (404) contains nothing.
 */
export async function branchContainsSha(params: {
  client: CompareClient;
  owner: string;
  repo: string;
  branch: string;
  sha: string;
}): Promise<boolean> {
  const { client, owner, repo } = params;
  try {
    const { data } = await client.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${params.sha}...${params.branch}`,
      per_page: 1,
    });
    return data.status === 'ahead' || data.status === 'identical';
  } catch (error) {
    if (httpStatusOf(error) === 404) return false;
    throw error;
  }
}
