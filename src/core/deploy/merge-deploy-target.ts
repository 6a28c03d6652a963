/**
 * Where a merge deploys, and which record said so:
 * - `task`: the target the task's trusted marker recorded when it opened the pull request;
 * - `request`: the request's `target_environment`, read from the request text whose digest is the
 *   marker's `generated_from` (tasks opened before the marker recorded `environment`);
 * - `config`: the first environment of the config's `deploy_order`, where every sha goes first.
 */
export interface MergeDeployTarget {
  readonly environment: string;
  readonly source: 'task' | 'request' | 'config';
}

/**
 * The deploy-on-merge target (issue #9 item 7): the recorded target, else the request's (only when
 * its text is proven to be the one the task generated from), else the config's first `deploy_order`
 * environment; `undefined` when none says. Never the pull request body or an untrusted marker.
 */
export function mergeDeployTarget(params: {
  readonly recorded: string | undefined;
  readonly requested: string | undefined;
  readonly deployOrder: readonly string[];
}): MergeDeployTarget | undefined {
  if (params.recorded !== undefined) return { environment: params.recorded, source: 'task' };
  if (params.requested !== undefined) return { environment: params.requested, source: 'request' };
  const first = params.deployOrder[0];
  return first === undefined ? undefined : { environment: first, source: 'config' };
}
