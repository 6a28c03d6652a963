import { fitLine } from '../core/markdown/fit-line.js';
import { DEPLOYMENT_DESCRIPTION_LIMIT } from '../core/markdown/github-limits.js';

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

/**
 * A status on a deployment. `description` is plain text (GitHub shows it unrendered), cut to
 * GitHub's 140-character limit with `…`; the full text goes to the PR and the log.
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
}): Promise<void> {
  const description = fitLine({ text: params.description, limit: DEPLOYMENT_DESCRIPTION_LIMIT });
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
