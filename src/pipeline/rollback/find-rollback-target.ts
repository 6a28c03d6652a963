import type { DeploymentRecord } from '../../core/deploy/deployment-record.js';
import { isRollbackSelectionSettled } from '../../core/deploy/rollback-selection-settled.js';
import {
  selectRollbackTarget,
  type RollbackSelection,
  type RollbackTargetRequest,
} from '../../core/deploy/select-rollback-target.js';
import type { DeploymentAuthority } from '../../core/deploy/is-agent-deployment.js';
import { readDeployment, type DeploymentReadClient } from '../../github/read-deployment.js';
import { readDeploymentHistory, type DeploymentHistoryClient } from '../../github/read-deployment-history.js';

/**
 * What `/rollback` returns to, from GitHub's deployment history read newest first only as far as
 * the answer needs (`isRollbackSelectionSettled`); a deployment named by id is asked for directly.
 * When the history was longer than it reads, a "nothing" answer says how far it looked. Only the
 * agent's own deployments count (`authority`): a hand-made one is neither a target nor what runs.
 */
export async function findRollbackTarget(params: {
  client: DeploymentHistoryClient & DeploymentReadClient;
  owner: string;
  repo: string;
  environment: string;
  target: RollbackTargetRequest | undefined;
  authority: DeploymentAuthority;
}): Promise<{ selection: RollbackSelection; payloadOf: (id: number) => unknown }> {
  const { client, owner, repo, environment, target, authority } = params;
  const named =
    target?.kind === 'deployment'
      ? await readDeployment({ client, owner, repo, deploymentId: target.id, authority })
      : undefined;
  const asked = target === undefined ? {} : { target };
  const select = (records: readonly DeploymentRecord[]) =>
    selectRollbackTarget({ environment, history: withNamed(records, named?.record), ...asked });
  const history = await readDeploymentHistory({
    client,
    owner,
    repo,
    filter: { environment },
    authority,
    enough: (records) => isRollbackSelectionSettled({ selection: select(records), ...asked }),
  });
  const selection = select(history.records);
  const payloadOf = (id: number) => (id === named?.record.id ? named.payload : history.payloadOf(id));
  if (selection.kind === 'target' || history.complete) return { selection, payloadOf };
  const read = ` (Only the newest ${history.records.length} deployments of \`${environment}\` were read.)`;
  return { selection: { ...selection, message: selection.message + read }, payloadOf };
}

/** The deployment named by id joins the history, wherever it belongs. */
function withNamed(
  records: readonly DeploymentRecord[],
  named: DeploymentRecord | undefined,
): DeploymentRecord[] {
  if (named === undefined || records.some((record) => record.id === named.id)) return [...records];
  return [...records, named];
}
