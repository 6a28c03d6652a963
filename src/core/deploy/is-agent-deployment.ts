import { isSharedIdentity } from '../state/judge-marker.js';
import type { MarkerKeys } from '../state/marker-keys.js';
import type { GitHubDeployment } from './deployment-record.js';
import { judgeDeployment } from './judge-deployment.js';

/**
 * Who may count as the agent in deployment history: its creators and its deployment keys, in the
 * repository of GitHub id `repositoryId` (`repository.id`, `GITHUB_REPOSITORY_ID`): a payload
 * naming another id is never this repository's (`judgeDeployment`).
 */
export interface DeploymentAuthority {
  readonly creators: readonly string[];
  readonly keys: MarkerKeys | undefined;
  readonly repositoryId: number;
}

/**
 * The deploy workflow's own identity under `GITHUB_TOKEN`: the automatic rollback after a failed
 * deploy is created as it (a deployment made with that token starts no workflow run, so the run
 * carries it out itself).
 */
export const DEPLOY_RUN_IDENTITY = 'github-actions[bot]';

/**
 * Who counts as the agent in history, given the identity it writes as and its deployment keys.
 * With keys, the deploy run's identity too (the signature proves the payload is the agent's);
 * without, a shared identity (`github-actions[bot]`, see `isSharedIdentity`) proves nothing, so
 * automatic rollbacks count only once a key is set.
 */
export function deploymentAuthority(params: {
  identity: string;
  keys: MarkerKeys | undefined;
  repositoryId: number;
}): DeploymentAuthority {
  const creators =
    params.keys === undefined || isSharedIdentity(params.identity)
      ? [params.identity]
      : [params.identity, DEPLOY_RUN_IDENTITY];
  return { creators, keys: params.keys, repositoryId: params.repositoryId };
}

/**
 * Whether a deployment from GitHub's list of `repository` (`owner/repo`, the repository it was
 * listed from) counts in history (rollback targets, what runs, `deploy_order`): with keys, only a
 * payload verified for that repository; without, only the agent's creator. A string payload is
 * parsed as JSON first, as GitHub may return it that way. An older payload signed over a name
 * (v2, without `repository_id`) made before a rename holds under one of `formerNames`: names GitHub
 * resolves to `authority.repositoryId` (the caller asked it: `agentDeploymentFilter`), as the
 * deploy run's own verification does (`verifyDeployment`).
 */
export function isAgentDeployment(params: {
  deployment: GitHubDeployment;
  authority: DeploymentAuthority;
  repository: string;
  formerNames?: readonly string[];
}): boolean {
  const { deployment, authority } = params;
  const judgement = judgeDeployment({
    creator: deployment.creator?.login,
    creators: authority.creators,
    payload: payloadOf(deployment),
    place: {
      repository: params.repository,
      repositoryId: authority.repositoryId,
      sha: deployment.sha,
      environment: deployment.environment,
    },
    keys: authority.keys,
    ...(params.formerNames === undefined ? {} : { formerNames: params.formerNames }),
  });
  return judgement.trust !== 'refused';
}

/** The deployment's payload as created: a string payload parsed as JSON, as GitHub may return it that way. */
export function payloadOf(deployment: GitHubDeployment): unknown {
  return typeof deployment.payload === 'string' ? parseJson(deployment.payload) : deployment.payload;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
