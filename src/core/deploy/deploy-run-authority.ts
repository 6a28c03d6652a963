import type { MarkerKeys } from '../state/marker-keys.js';
import { deploymentKeysFrom } from './deployment-keys.js';
import type { DeploymentAuthority } from './is-agent-deployment.js';

/**
 * Who counts as the agent in a deploy run: the run's own identity (the automatic rollback it
 * creates itself, as `github-actions[bot]` under `GITHUB_TOKEN`) and the logins given in the
 * `agent-login` input (the App's bot that `/deploy` and `/rollback` create deployments as), with
 * the deployment keys derived from the marker keys (`marker-secret`), in the repository of id
 * `repositoryId` (`GITHUB_REPOSITORY_ID`, the event's `repository.id`). Logins compare case-blind.
 */
export function deployRunAuthority(params: {
  identity: string;
  agentLogins: readonly string[];
  markerKeys: MarkerKeys | undefined;
  repositoryId: number;
}): DeploymentAuthority {
  const creators: string[] = [];
  for (const login of [params.identity, ...params.agentLogins]) {
    if (!creators.some((known) => known.toLowerCase() === login.toLowerCase())) creators.push(login);
  }
  return { creators, keys: deploymentKeysFrom(params.markerKeys), repositoryId: params.repositoryId };
}
