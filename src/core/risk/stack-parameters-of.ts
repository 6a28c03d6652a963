import type { AgentConfig } from '../config/agent-config.js';
import { findEnvironment } from '../config/find-environment.js';

/**
 * `classifyRisk`'s `stackParameters` for a target environment: the `parameters` its configuration
 * gives the deploy run to pass the stack (what replaces the template's Defaults), or nothing for an
 * environment the configuration does not name (the deploy refuses it; the Defaults are judged).
 */
export function stackParametersOf(
  config: AgentConfig,
  environment: string,
): { stackParameters?: Readonly<Record<string, string>> } {
  const found = findEnvironment(config.environments, environment)?.config;
  return found === undefined ? {} : { stackParameters: found.parameters };
}
