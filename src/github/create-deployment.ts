import type { DeploymentPayload } from '../core/deploy/deployment-payload.js';
import { fitLine } from '../core/markdown/fit-line.js';
import { DEPLOYMENT_DESCRIPTION_LIMIT } from '../core/markdown/github-limits.js';

export interface DeploymentClient {
  repos: {
    createDeployment(p: {
      owner: string;
      repo: string;
      ref: string;
      environment: string;
      payload: { [key: string]: unknown };
      auto_merge: boolean;
      required_contexts: string[];
      description: string;
      production_environment: boolean;
    }): Promise<{
      status: number;
      data: { id?: number; message?: string; creator?: { login: string } | null };
    }>;
  };
}

export interface CreatedDeployment {
  readonly id: number;
  /** Who GitHub says made it: `github-actions[bot]` for a workflow's GITHUB_TOKEN, `<app>[bot]` for an App. */
  readonly creatorLogin?: string;
}

/**
 * A GitHub deployment of exactly the checked sha; the workflow `on: deployment` carries it out.
 * Required contexts are empty because the rules were already checked against that sha.
 */
export async function createDeployment(params: {
  client: DeploymentClient;
  owner: string;
  repo: string;
  environment: string;
  payload: DeploymentPayload;
  description: string;
}): Promise<CreatedDeployment> {
  const { data } = await params.client.repos.createDeployment({
    owner: params.owner,
    repo: params.repo,
    ref: params.payload.checked_sha,
    environment: params.environment,
    payload: { ...params.payload },
    auto_merge: false,
    required_contexts: [],
    description: fitLine({ text: params.description, limit: DEPLOYMENT_DESCRIPTION_LIMIT }),
    production_environment: /^prod(uction)?$/i.test(params.environment),
  });
  if (data.id === undefined)
    throw new Error(`GitHub did not create the deployment: ${data.message ?? 'no reason given'}`);
  return {
    id: data.id,
    ...(data.creator?.login === undefined ? {} : { creatorLogin: data.creator.login }),
  };
}
