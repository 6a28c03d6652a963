import type { DeploymentRecord } from './deployment-record.js';

/**
 * What an automatic rollback returns to: the newest deployment of the environment, older than the
 * one that failed and of another sha, that ever succeeded — what was running before the failure.
 */
export function lastGoodBefore(params: {
  history: readonly DeploymentRecord[];
  failed: { id: number; sha: string; environment: string; createdAt?: string };
}): DeploymentRecord | undefined {
  const { failed } = params;
  return params.history
    .filter(
      (record) =>
        record.environment === failed.environment &&
        record.id !== failed.id &&
        record.sha !== failed.sha &&
        record.everSucceeded &&
        record.id < failed.id,
    )
    .sort((a, b) => b.id - a.id)[0];
}
