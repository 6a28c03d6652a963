import type { DeploymentRecord } from './deployment-record.js';

/**
 * Shas that were rolled back and not deployed successfully since: automated deploys skip them
 * until someone deploys one explicitly (which releases it).
 */
export function quarantinedShas(history: readonly DeploymentRecord[]): Map<string, DeploymentRecord> {
  const byId = new Map(history.map((record) => [record.id, record]));
  const quarantined = new Map<string, DeploymentRecord>();
  for (const rollback of history) {
    const rolledBack = rollback.rollbackOf === undefined ? undefined : byId.get(rollback.rollbackOf);
    if (!rolledBack) continue;
    const releasedSince = history.some(
      (record) => record.sha === rolledBack.sha && record.id > rollback.id && record.everSucceeded,
    );
    if (!releasedSince) quarantined.set(rolledBack.sha, rolledBack);
  }
  return quarantined;
}
