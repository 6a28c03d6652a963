import type { DeploymentRecord } from '../../core/deploy/deployment-record.js';
import type { DeploymentAuthority } from '../../core/deploy/is-agent-deployment.js';
import { readDeploymentHistory, type DeploymentHistoryClient } from '../../github/read-deployment-history.js';

/**
 * Where the sha already ran (dry runs never count), read only when `environment` has others
 * before it in `deploy_order`: the sha's deployments newest first, until every earlier environment
 * is found (a missing one is a refusal however far one reads). Only the agent's own deployments
 * count (`authority`): a hand-made "success" elsewhere opens no way to the next environment.
 */
export async function readOrderFacts(params: {
  client: DeploymentHistoryClient;
  owner: string;
  repo: string;
  order: readonly string[];
  environment: string;
  sha: string;
  authority: DeploymentAuthority;
}): Promise<{ order?: readonly string[]; deployedEnvironments?: ReadonlySet<string> }> {
  const { client, owner, repo, order } = params;
  const position = order.indexOf(params.environment);
  if (position <= 0) return {};
  const earlier = order.slice(0, position);
  const succeededIn = (records: readonly DeploymentRecord[]) =>
    new Set(records.filter((record) => record.everSucceeded).map((record) => record.environment));
  const history = await readDeploymentHistory({
    client,
    owner,
    repo,
    filter: { sha: params.sha },
    authority: params.authority,
    enough: (records) => earlier.every((name) => succeededIn(records).has(name)),
  });
  return { order, deployedEnvironments: succeededIn(history.records) };
}
