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

export async function setDeploymentStatus(params: {
  client: DeploymentStatusClient;
  owner: string;
  repo: string;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environmentUrl?: string;
  logUrl?: string;
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
    ...(params.state === 'success' ? { auto_inactive: true } : {}),
  });
}
