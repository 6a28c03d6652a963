import type { DeployState } from '../state/deploy-state.js';
import type { EnvironmentDeploys } from './apply-deploy-event.js';

/** How far one deployment's deploy got: a later stage of the same deployment is newer. */
const STAGE: Readonly<Record<DeployState, number>> = {
  deploying: 0,
  deployed: 1,
  deploy_failed: 1,
  rolled_back: 2,
};

/**
 * One environment map from the two a status marker once carried (pure): `environments` (the
 * record's) and `deploys` (where deploy runs wrote before they moved the record), or a record's
 * and the mirror's. Per environment the newest entry wins, by GitHub's deployment ids (which
 * GitHub assigns in increasing order: the entry's `deployment_id`, or the `rolled_back_by` that
 * replaced it), then by how far that deployment got (`STAGE`); a tie keeps `environments`. Never
 * by `updated_at`: a time is its writer's word, and one forged in the future must not win. The
 * newest deployment that never started (`last_attempt`) of either is kept on the entry chosen.
 * `undefined` when neither has an entry.
 */
export function mergeEnvironmentDeploys(
  environments: EnvironmentDeploys | undefined,
  deploys: EnvironmentDeploys | undefined,
): EnvironmentDeploys | undefined {
  if (deploys === undefined || Object.keys(deploys).length === 0) return environments;
  const merged = { ...environments };
  for (const [name, entry] of Object.entries(deploys)) {
    const kept = Object.hasOwn(merged, name) ? merged[name] : undefined;
    const winner = kept === undefined || isNewer(entry, kept) ? entry : kept;
    merged[name] = withNewestAttempt(winner, [entry.last_attempt, kept?.last_attempt]);
  }
  return merged;
}

/**
 * `entry` with the newest of `attempts` (deployments that never started) as its `last_attempt`
 * when that one is newer than the entry's deployment (a later start supersedes it), else without one.
 */
function withNewestAttempt(entry: Entry, attempts: readonly Entry['last_attempt'][]): Entry {
  const newest = attempts
    .filter((attempt) => attempt !== undefined && attempt.deployment_id > entry.deployment_id)
    .sort((left, right) => (right?.deployment_id ?? 0) - (left?.deployment_id ?? 0))[0];
  const { last_attempt: _dropped, ...rest } = entry;
  return newest === undefined ? rest : { ...rest, last_attempt: newest };
}

type Entry = EnvironmentDeploys[string];

function isNewer(entry: Entry, kept: Entry): boolean {
  const rank = (deploy: Entry) => Math.max(deploy.deployment_id, deploy.rolled_back_by ?? 0);
  if (rank(entry) !== rank(kept)) return rank(entry) > rank(kept);
  return STAGE[entry.status] > STAGE[kept.status];
}
