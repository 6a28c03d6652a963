import type { AgentConfig } from '../config/agent-config.js';
import { findEnvironment } from '../config/find-environment.js';

/**
 * Whether a target environment counts as production for the risk classifier: named `prod` or
 * `production` (any case), or configured to require an approval before deploying — the repository
 * guarding it as it guards production.
 */
export function isProductionEnvironment(params: { name: string; config: AgentConfig }): boolean {
  if (/^prod(uction)?$/i.test(params.name)) return true;
  return findEnvironment(params.config.environments, params.name)?.config.requires_approval === true;
}
