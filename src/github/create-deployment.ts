import type { DeploymentPayload } from '../core/deploy/deployment-payload.js';
import { newNonce, signDeploymentPayload } from '../core/deploy/deployment-signature.js';
import type { MarkerKeys } from '../core/state/marker-keys.js';
import { fitLine } from '../core/markdown/fit-line.js';
import { DEPLOYMENT_DESCRIPTION_LIMIT } from '../core/markdown/github-limits.js';
import { isProductionName } from '../core/config/is-production-name.js';

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
 * Required contexts are empty because the rules were already checked against that sha. The
 * payload always gets a fresh one-time `nonce` and this repository's `repository_id` (a rollback's
 * copied payload included: the deployment is this repository's now); with deployment keys
 * (`deploymentKeysFrom`) it is signed with the current one, bound to that id, that sha and
 * `environment`, so the deploy run can tell it from a hand-made one, before and after a rename.
 * Throws what Octokit throws, or an Error when GitHub creates nothing.
 */
export async function createDeployment(params: {
  client: DeploymentClient;
  owner: string;
  repo: string;
  /** GitHub's id of `owner/repo` (`repository.id`, `GITHUB_REPOSITORY_ID`). */
  repositoryId: number;
  environment: string;
  payload: DeploymentPayload;
  description: string;
  /** Deployment keys; absent: the payload goes unsigned (the run warns about it). */
  keys?: MarkerKeys | undefined;
}): Promise<CreatedDeployment> {
  // A rollback copies an older payload: its nonce and signature are that deployment's, not this one's.
  const { signature: _older, ...fields } = params.payload;
  const unsigned = { ...fields, repository_id: params.repositoryId, nonce: newNonce() };
  const place = {
    repository: `${params.owner}/${params.repo}`,
    repositoryId: params.repositoryId,
    sha: params.payload.checked_sha,
    environment: params.environment,
  };
  const payload =
    params.keys === undefined
      ? unsigned
      : signDeploymentPayload({ payload: unsigned, place, key: params.keys.current });
  const { data } = await params.client.repos.createDeployment({
    owner: params.owner,
    repo: params.repo,
    ref: params.payload.checked_sha,
    environment: params.environment,
    payload,
    auto_merge: false,
    required_contexts: [],
    description: fitLine({ text: params.description, limit: DEPLOYMENT_DESCRIPTION_LIMIT }),
    production_environment: isProductionName(params.environment),
  });
  if (data.id === undefined)
    throw new Error(`GitHub did not create the deployment: ${data.message ?? 'no reason given'}`);
  return {
    id: data.id,
    ...(data.creator?.login === undefined ? {} : { creatorLogin: data.creator.login }),
  };
}
