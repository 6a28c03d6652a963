import type { DeploymentStatusState, GitHubDeploymentStatus } from '../../core/deploy/deployment-record.js';

export interface LatestDeploymentStatusClient {
  repos: {
    listDeploymentStatuses(p: {
      owner: string;
      repo: string;
      deployment_id: number;
      per_page: number;
    }): Promise<{ data: GitHubDeploymentStatus[] }>;
  };
}

/**
 * States after which a deployment has been carried out (or replaced: GitHub's `auto_inactive`
 * turns earlier deployments `inactive`). `queued`, `pending` and `in_progress` are not: a run that
 * died leaves `in_progress`, and running it again is how it is finished.
 */
const FINAL_STATES: ReadonlySet<DeploymentStatusState> = new Set(['success', 'failure', 'error', 'inactive']);

/**
 * The final state a deployment already ended in, or `undefined` while it has none. A deploy job
 * re-run ("Re-run jobs") receives the same `deployment` event again, at any time later; one that
 * already ended must not run again, or it would repeat the deploy, or put an older sha back
 * without the checks `/deploy` made. GitHub lists a deployment's statuses newest first
 * (`GET /repos/{owner}/{repo}/deployments/{id}/statuses`), so one item is the latest. Throws what
 * Octokit throws.
 */
export async function deploymentEndedAs(params: {
  client: LatestDeploymentStatusClient;
  owner: string;
  repo: string;
  deploymentId: number;
}): Promise<DeploymentStatusState | undefined> {
  const { client, owner, repo, deploymentId } = params;
  const { data } = await client.repos.listDeploymentStatuses({
    owner,
    repo,
    deployment_id: deploymentId,
    per_page: 1,
  });
  const latest = data[0]?.state;
  return latest !== undefined && FINAL_STATES.has(latest) ? latest : undefined;
}
