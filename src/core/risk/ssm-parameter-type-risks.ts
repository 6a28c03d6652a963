import { isPlainObject } from '../cfn/is-plain-object.js';
import { declaredValues, parameterOrigins, type ParameterScope } from './parameter-origins.js';
import { isPublicParameterName } from './public-parameter-name.js';
import type { RiskReason } from './risk-assessment.js';

/** A template parameter read from Parameter Store (`AWS::SSM::Parameter::Value<String>`, `<List<…>>`, `<AWS::EC2::Image::Id>`…). */
const SSM_VALUE_TYPE = /^AWS::SSM::Parameter::Value</;

/** How many of the names a parameter may read its reason lists. */
const MAX_SHOWN = 5;

/**
 * `data-egress` for each template parameter of an `AWS::SSM::Parameter::Value<…>` type that may
 * name a Parameter Store parameter other than a public `/aws/service/…` one
 * (`isPublicParameterName`): CloudFormation reads the named parameter's value when the stack is
 * deployed (AWS CloudFormation User Guide, "Specify existing resources at runtime with
 * CloudFormation-supplied parameter types": "Systems Manager parameter types", "CloudFormation uses
 * whatever values exist in Parameter Store at the time the operation is run") and returns it as the
 * parameter's `ResolvedValue` to anyone allowed `DescribeStacks`, and whatever `Ref`s it holds it
 * readable — the same copy out of Parameter Store's access control as a `{{resolve:ssm:…}}`
 * reference (`dynamicReferenceRisks`). The names it may hold are those of every origin of its value
 * (`parameterOrigins`, in `context`): its `Default` and `AllowedValues` where they hold, and what a
 * parent stack passes in their place when the template is nested. An `AWS::SSM::Parameter` resource
 * of the same name in the template does not make the read the template's own (review 9i):
 * parameters are resolved when the change set is made, before any resource exists, so an existing
 * parameter of that name (anyone's) is read first and shown, and the resource's create then fails.
 * A name chosen at deploy time (no literal `Default`, a value a parent computes) is judged the
 * same. `where` is `<path>#Parameters.<Name>`.
 */
export function ssmParameterTypeRisks(params: {
  path: string;
  template: Record<string, unknown>;
  /** How the template's parameters are set; absent, the template's own `Parameters` on its own. */
  context?: ParameterScope;
}): RiskReason[] {
  const scope = params.context ?? { parameters: params.template['Parameters'] };
  const parameters = isPlainObject(scope.parameters) ? scope.parameters : {};
  return Object.entries(parameters).flatMap(([name, parameter]): RiskReason[] => {
    if (!isPlainObject(parameter) || typeof parameter['Type'] !== 'string') return [];
    if (!SSM_VALUE_TYPE.test(parameter['Type'])) return [];
    const unread = parameterOrigins(scope, name).flatMap((origin) =>
      origin.kind === 'declared'
        ? declaredValues(origin.declaration)
            .filter((entry) => typeof entry !== 'string' || !isPublicParameterName(entry))
            .map((entry) => (typeof entry === 'string' ? `"${entry}"` : 'one chosen at deploy time'))
        : origin.kind === 'passed'
          ? isPublicParameterName(origin.value)
            ? []
            : [`"${origin.value}" (passed in place of its Default)`]
          : [`one chosen at deploy time (${origin.why})`],
    );
    if (unread.length === 0) return [];
    const shown = [...new Set(unread)];
    const more = shown.length > MAX_SHOWN ? ` (or ${shown.length - MAX_SHOWN} more)` : '';
    return [
      {
        code: 'data-egress',
        where: `${params.path}#Parameters.${name}`,
        message: `Parameter ${name} (${parameter['Type']}) reads the Parameter Store parameter ${shown.slice(0, MAX_SHOWN).join(' or ')}${more} into the stack, where anyone allowed to describe it reads the value.`,
      },
    ];
  });
}
