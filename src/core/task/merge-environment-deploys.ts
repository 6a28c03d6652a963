import type { EnvironmentDeploys } from './apply-deploy-event.js';

/**
 * One environment map from the two a status marker once carried (pure): `environments` (the
 * record's) and `deploys` (where deploy runs wrote before they moved the record). Per environment
 * the entry updated last wins (ISO 8601 `updated_at`; a tie keeps `environments`). `undefined`
 * when neither has an entry.
 */
export function mergeEnvironmentDeploys(
  environments: EnvironmentDeploys | undefined,
  deploys: EnvironmentDeploys | undefined,
): EnvironmentDeploys | undefined {
  if (deploys === undefined || Object.keys(deploys).length === 0) return environments;
  const merged = { ...environments };
  for (const [name, entry] of Object.entries(deploys)) {
    const kept = Object.hasOwn(merged, name) ? merged[name] : undefined;
    if (kept === undefined || Date.parse(entry.updated_at) > Date.parse(kept.updated_at))
      merged[name] = entry;
  }
  return merged;
}
