import { fitLine } from '../core/markdown/fit-line.js';
import { DEPLOYMENT_DESCRIPTION_LIMIT } from '../core/markdown/github-limits.js';
import { redactSecrets } from '../core/secrets/redact-secrets.js';

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
 * One status on a deployment (`POST /repos/{owner}/{repo}/deployments/{id}/statuses`).
 * `description` is plain text (GitHub shows it unrendered), cut to GitHub's 140-character limit with
 * `…`; the full text goes to the PR and the log. Only a real success sets `auto_inactive`, which
 * marks the earlier deployments of the environment `inactive`. The description is redacted here,
 * at the sink, before it is cut (a cut secret no longer matches): it often quotes an error's
 * message. Throws when the scanner fails.
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
  const description = fitLine({
    text: await redactSecrets(params.description),
    limit: DEPLOYMENT_DESCRIPTION_LIMIT,
  });
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
