import type { DeploymentStrategy } from '../../../core/request/execution-request.js';

/** Strategies that shift Lambda traffic through CodeDeploy, and the predefined config each uses. */
const CONFIG_NAMES: Readonly<Record<Exclude<DeploymentStrategy, 'all-at-once'>, string>> = {
  canary: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
  linear: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
  // Blue/green on Lambda: the new version is verified by the hooks, then takes all traffic at once.
  'blue-green': 'CodeDeployDefault.LambdaAllAtOnce',
};

/** The CodeDeploy config for a strategy, or undefined when the function is simply updated in place. */
export function deploymentConfigName(strategy: DeploymentStrategy | undefined): string | undefined {
  return strategy === undefined || strategy === 'all-at-once' ? undefined : CONFIG_NAMES[strategy];
}
