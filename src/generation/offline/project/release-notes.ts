import type { BlueprintInput } from '../blueprint-input.js';
import { deploymentConfigName } from '../cfn/deployment-config-name.js';
import { askedShift } from '../coverage/asked-shift.js';

/** Plan steps and risk notes about how a Lambda-based stack is released, shared by every blueprint with functions. */
export function releasePlanStep(input: BlueprintInput): string {
  const config = deploymentConfigName(input.strategy, askedShift(input));
  return config === undefined
    ? 'Release all-at-once: each deploy updates the function in place.'
    : `Release through CodeDeploy (${config}): a new version behind the \`live\` alias, rolled back automatically on the error alarm.`;
}

export function releaseRiskNotes(input: BlueprintInput): string[] {
  const config = deploymentConfigName(input.strategy, askedShift(input));
  if (config === undefined) {
    return [
      'All-at-once release: a faulty build takes all traffic at once; nothing rolls it back but a redeploy.',
    ];
  }
  return [
    'Creates a CodeDeploy service role with the AWS managed policy AWSCodeDeployRoleForLambda (it may update any alias in the account).',
    'Function versions are retained on stack deletion and replacement so a rollback has something to return to.',
  ];
}
