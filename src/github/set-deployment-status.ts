export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error';

export interface DeploymentStatusClient {
  repos: {
    createDeploymentStatus(p: {
      owner: string;
      repo: string;
      deployment_id: number;
      state: DeploymentState;
      description: string;
      environment_url?: string;
      log_url?: string;
      auto_inactive?: boolean;
    }): Promise<unknown>;
  };
}

/** GitHub caps a status description at 140 characters; the full text goes to the PR and the log. */
const MAX_DESCRIPTION = 140;

/**
 * One status on a deployment (`POST /repos/{owner}/{repo}/deployments/{id}/statuses`). Only a real
 * success sets `auto_inactive`, which marks the earlier deployments of the environment `inactive`.
 */
export async function setDeploymentStatus(params: {
  client: DeploymentStatusClient;
  owner: string;
  repo: string;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environmentUrl?: string;
  logUrl?: string;
  /** A dry run deployed nothing, so it never retires the environment's earlier deployments. */
  dryRun?: boolean;
}): Promise<void> {
  const description =
    params.description.length > MAX_DESCRIPTION
      ? `${params.description.slice(0, MAX_DESCRIPTION - 1)}…`
      : params.description;
  await params.client.repos.createDeploymentStatus({
    owner: params.owner,
    repo: params.repo,
    deployment_id: params.deploymentId,
    state: params.state,
    description,
    ...(params.environmentUrl === undefined ? {} : { environment_url: params.environmentUrl }),
    ...(params.logUrl === undefined ? {} : { log_url: params.logUrl }),
    // A successful deploy retires the environment's older deployments, so GitHub shows one active.
    // Always said: GitHub's default is true, which would let a dry run (or a failure) retire them.
    auto_inactive: params.state === 'success' && params.dryRun !== true,
  });
}
