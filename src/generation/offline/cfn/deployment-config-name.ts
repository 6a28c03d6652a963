import type { DeploymentStrategy } from '../../../core/request/execution-request.js';
import type { RequestedShift } from '../coverage/requested-shift.js';
import { releaseConfig } from './release-config.js';

/**
 * The CodeDeploy config for a strategy and the shift the request asks for (see releaseConfig), or
 * undefined when the function is simply updated in place.
 */
export function deploymentConfigName(
  strategy: DeploymentStrategy | undefined,
  asked?: RequestedShift,
): string | undefined {
  return releaseConfig({ strategy, ...(asked === undefined ? {} : { asked }) })?.name;
}
