import { isPlainObject } from '../cfn/is-plain-object.js';
import type { RiskReason } from './risk-assessment.js';

/** A template parameter read from Parameter Store (`AWS::SSM::Parameter::Value<String>`, `<List<…>>`, `<AWS::EC2::Image::Id>`…). */
const SSM_VALUE_TYPE = /^AWS::SSM::Parameter::Value</;

/**
 * Parameter Store's public parameters, which AWS publishes to every account (AWS Systems Manager
 * User Guide, "Discovering public parameters in Parameter Store": `/aws/service/ami-amazon-linux-latest/…`,
 * `/aws/service/global-infrastructure/…`): reading one copies nothing out of anyone's access control.
 */
const PUBLIC_PARAMETER = /^\/aws\/service\//;

/**
 * `data-egress` for each template parameter of an `AWS::SSM::Parameter::Value<…>` type whose
 * `Default` (and every `AllowedValues` entry) is not a public `/aws/service/…` parameter:
 * CloudFormation reads the named parameter's value when the stack is deployed (AWS CloudFormation
 * User Guide, "Specify existing resources at runtime with CloudFormation-supplied parameter types":
 * "Systems Manager parameter types", "CloudFormation uses whatever values exist in Parameter Store
 * at the time the operation is run") and returns it as the parameter's `ResolvedValue` to anyone
 * allowed `DescribeStacks`, and whatever `Ref`s it holds it readable — the same copy out of
 * Parameter Store's access control as a `{{resolve:ssm:…}}` reference (`dynamicReferenceRisks`).
 * An `AWS::SSM::Parameter` resource of the same name in the template does not make the read the
 * template's own (review 9i): parameters are resolved when the change set is made, before any
 * resource exists, so an existing parameter of that name (anyone's) is read first and shown, and
 * the resource's create then fails. No parameter value can be built from the stack's resources (a
 * `Default` is a literal), so no name the template makes is known safe. A parameter without a
 * literal `Default` names one chosen at deploy time, judged the same. `where` is
 * `<path>#Parameters.<Name>`.
 */
export function ssmParameterTypeRisks(params: {
  path: string;
  template: Record<string, unknown>;
}): RiskReason[] {
  const parameters = isPlainObject(params.template['Parameters']) ? params.template['Parameters'] : {};
  return Object.entries(parameters).flatMap(([name, parameter]): RiskReason[] => {
    if (!isPlainObject(parameter) || typeof parameter['Type'] !== 'string') return [];
    if (!SSM_VALUE_TYPE.test(parameter['Type'])) return [];
    const allowed = Array.isArray(parameter['AllowedValues'])
      ? (parameter['AllowedValues'] as unknown[])
      : [];
    const names = [parameter['Default'], ...allowed];
    const unread = names.filter((entry) => typeof entry !== 'string' || !PUBLIC_PARAMETER.test(entry));
    if (unread.length === 0) return [];
    const shown = unread.map((entry) =>
      typeof entry === 'string' ? `"${entry}"` : 'one chosen at deploy time',
    );
    return [
      {
        code: 'data-egress',
        where: `${params.path}#Parameters.${name}`,
        message: `Parameter ${name} (${parameter['Type']}) reads the Parameter Store parameter ${shown.join(' or ')} into the stack, where anyone allowed to describe it reads the value.`,
      },
    ];
  });
}
