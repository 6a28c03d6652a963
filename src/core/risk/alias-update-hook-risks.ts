import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import type { TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

const FUNCTION_TYPES: ReadonlySet<string> = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/**
 * What each key of `UpdatePolicy.CodeDeployLambdaAliasUpdate` must be a resource of this template
 * of (AWS CloudFormation User Guide, "UpdatePolicy attribute", CodeDeployLambdaAliasUpdate policy):
 * CodeDeploy shifts the alias's traffic with that application's deployment group (its alarms,
 * triggers and role), and invokes the hook functions before and after, with their own roles.
 */
const MUST_BE_OWN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['ApplicationName', new Set(['AWS::CodeDeploy::Application'])],
  ['DeploymentGroupName', new Set(['AWS::CodeDeploy::DeploymentGroup'])],
  ['BeforeAllowTrafficHook', FUNCTION_TYPES],
  ['AfterAllowTrafficHook', FUNCTION_TYPES],
]);

/**
 * `unseen-effect` for a resource's `UpdatePolicy.CodeDeployLambdaAliasUpdate` that names a
 * CodeDeploy application, deployment group or hook function this template does not make (a hook
 * is code this change does not hold, run on every deploy), that sets a key not listed in
 * `MUST_BE_OWN`, or that is computed (an intrinsic the keys cannot be read through). Other update
 * policies (Auto Scaling, ElastiCache, OpenSearch) run no code. `where` is
 * `<file>#Resources.<Id>.UpdatePolicy.CodeDeployLambdaAliasUpdate[.<key>]`.
 */
export function aliasUpdateHookRisks(params: {
  logicalId: string;
  type: string;
  updatePolicy: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const { logicalId, type, context } = params;
  if (!isPlainObject(params.updatePolicy)) return [];
  const update = params.updatePolicy['CodeDeployLambdaAliasUpdate'];
  const at = `${params.where}.UpdatePolicy.CodeDeployLambdaAliasUpdate`;
  if (update === undefined) return [];
  const reason = (where: string, what: string): RiskReason => ({
    code: 'unseen-effect',
    where,
    message: `${logicalId} (${type}) ${what}: what CodeDeploy runs on each deploy cannot be judged.`,
  });
  if (!isPlainObject(update) || Object.keys(update).some((key) => key === 'Ref' || key.startsWith('Fn::')))
    return [reason(at, 'computes its CodeDeploy alias update')];
  return Object.entries(update).flatMap(([key, value]): RiskReason[] => {
    const own = MUST_BE_OWN.get(key);
    if (own === undefined)
      return [
        reason(
          `${at}.${key}`,
          `sets ${key} on its CodeDeploy alias update, which the risk classifier has not reviewed`,
        ),
      ];
    return isOwnResource(value, context, own)
      ? []
      : [reason(`${at}.${key}`, `names for ${key} something this template does not make`)];
  });
}
