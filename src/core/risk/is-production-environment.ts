import type { AgentConfig } from '../config/agent-config.js';
import { findEnvironment } from '../config/find-environment.js';
import { isProductionName } from '../config/is-production-name.js';

/**
 * Whether a target environment counts as production for the risk classifier: named as production
 * (`isProductionName`: `prod`, `production`, `prd`, `live`, `prod-eu`, `us-prod`...), or configured to require an approval before deploying — the repository
 * guarding it as it guards production.
 */
export function isProductionEnvironment(params: { name: string; config: AgentConfig }): boolean {
  if (isProductionName(params.name)) return true;
  return findEnvironment(params.config.environments, params.name)?.config.requires_approval === true;
}
