import type { BlueprintInput } from '../blueprint-input.js';
import { deploymentConfigName } from '../cfn/deployment-config-name.js';
import { askedShift } from '../coverage/asked-shift.js';

/** One sentence on how a release reaches traffic, true to what the template does. */
export function strategyNote(input: BlueprintInput, hasFunctionCode: boolean, alwaysShifts: boolean): string {
  if (!hasFunctionCode) {
    const ignored =
      input.strategy === undefined
        ? ''
        : ` The requested deployment_strategy (${input.strategy}) has no effect here: there is no function whose traffic could shift.`;
    return `Changes apply in place through CloudFormation change sets.${ignored}`;
  }
  const config =
    deploymentConfigName(input.strategy, askedShift(input)) ??
    (alwaysShifts ? 'CodeDeployDefault.LambdaAllAtOnce' : undefined);
  if (config === undefined) {
    return `Deployment strategy: ${input.strategy ?? 'all-at-once (the default)'} — each deploy updates the function in place. Request \`canary\`, \`linear\` or \`blue-green\` for CodeDeploy traffic shifting with automatic rollback.`;
  }
  return `Deployment strategy: ${input.strategy ?? 'all-at-once (the default)'} — CloudFormation publishes a new version and CodeDeploy shifts the \`live\` alias to it with \`${config}\`, rolling back automatically if the error alarm fires.`;
}
