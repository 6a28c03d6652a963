import { isPlainObject } from '../cfn/is-plain-object.js';
import { wholeDynamicReference } from './dynamic-reference-syntax.js';
import { declaredValues, parameterOrigins, type ParameterScope } from './parameter-origins.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Parameter Store paths of machine images AWS itself builds and publishes to every account (AWS
 * Systems Manager User Guide, "Discovering public parameters in Parameter Store"; Amazon EC2 User
 * Guide, "Reference AMIs using Systems Manager parameters"): Amazon Linux, Windows, the ECS- and
 * EKS-optimized AMIs and Bottlerocket. Other `/aws/service/…` images are published for another
 * vendor (`/aws/service/marketplace/…`, `/aws/service/canonical/…`, `/aws/service/debian/…`): code
 * of someone else's choosing, so not on this list. No `..` (a name, not a path, in Parameter
 * Store, but nothing a reviewer should have to know that of).
 */
const AWS_IMAGE_PATH =
  /^\/aws\/service\/(ami-amazon-linux-latest|ami-windows-latest|ecs\/optimized-ami|eks\/optimized-ami|bottlerocket)\/(?!.*\.\.)[\w./-]+$/;

/**
 * A launch template's own Parameter Store form, `resolve:ssm:<name>` with no braces (Amazon EC2
 * User Guide, "Use a Systems Manager parameter instead of an AMI ID"): EC2 reads it, not
 * CloudFormation, so it is not a dynamic reference. Group 1 the parameter name.
 */
const EC2_PARAMETER_FORM = /^resolve:ssm:(.+)$/;

/** Where each type names the image it boots (AWS CloudFormation Template Reference). */
const IMAGE_PROPERTY: ReadonlyMap<string, readonly string[]> = new Map([
  ['AWS::EC2::Instance', ['ImageId']],
  ['AWS::EC2::LaunchTemplate', ['LaunchTemplateData', 'ImageId']],
]);

/**
 * `unseen-effect` for an EC2 instance or launch template booting an image this change does not
 * hold and AWS does not build: an AMI id names no owner (`ami-…` may be any account's public or
 * community image, whose code runs inside the template's network with the instance profile it is
 * given), as a Lambda image from another registry (`codeSourceRisks`). Low only for an image of
 * `AWS_IMAGE_PATH` read from Parameter Store: `{{resolve:ssm:<path>}}` in any spelling the shared
 * syntax reads (`wholeDynamicReference`: `{{ Resolve:SSM:<path> }}` too), launch templates'
 * `resolve:ssm:<path>` (Amazon EC2 User Guide, "Use a Systems Manager parameter instead of an AMI
 * ID"), or a `Ref` to a template parameter of an `AWS::SSM::Parameter::Value<…>` type every origin
 * of whose value (`parameterOrigins`) is such a path: its `Default` and every `AllowedValues` entry
 * where they hold, and what a parent stack passes in their place when the template is nested. Anything else — a literal id, a mapping,
 * a condition, a parameter chosen at deploy time — is judged unseen. `where` is
 * `<file>#Resources.<Id>.Properties.<path to ImageId>`.
 */
export function machineImageRisks(params: ResourceRiskInput): RiskReason[] {
  const path = IMAGE_PROPERTY.get(params.type);
  if (path === undefined) return [];
  let value: unknown = params.properties;
  for (const key of path) value = isPlainObject(value) ? value[key] : undefined;
  if (value === undefined || isAwsImage(value, params.context)) return [];
  return [
    {
      code: 'unseen-effect',
      where: `${params.where}.Properties.${path.join('.')}`,
      message: `${params.logicalId} (${params.type}) boots the image ${describe(value, params.context)}, which AWS does not build and this change does not hold: what it runs cannot be judged.`,
    },
  ];
}

function isAwsImage(value: unknown, scope: ParameterScope): boolean {
  if (typeof value === 'string') {
    // CloudFormation's reference, in any spelling the shared syntax reads; or EC2's own launch template form.
    const reference = wholeDynamicReference(value);
    // A version pins whatever AWS published under the name then, not the image the path stands for now.
    const path =
      reference === undefined
        ? EC2_PARAMETER_FORM.exec(value)?.[1]
        : reference.service === 'ssm' && reference.suffix === undefined
          ? reference.name
          : undefined;
    return path !== undefined && AWS_IMAGE_PATH.test(path);
  }
  if (!isPlainObject(value) || Object.keys(value).length !== 1 || typeof value['Ref'] !== 'string')
    return false;
  const parameter = isPlainObject(scope.parameters) ? scope.parameters[value['Ref']] : undefined;
  if (!isPlainObject(parameter) || typeof parameter['Type'] !== 'string') return false;
  if (!parameter['Type'].startsWith('AWS::SSM::Parameter::Value<')) return false;
  const origins = parameterOrigins(scope, value['Ref']);
  return (
    origins.length > 0 &&
    origins.every((origin) =>
      origin.kind === 'declared'
        ? declaredValues(origin.declaration).every(
            (name) => typeof name === 'string' && AWS_IMAGE_PATH.test(name),
          )
        : origin.kind === 'passed' && AWS_IMAGE_PATH.test(origin.value),
    )
  );
}

function describe(value: unknown, scope: ParameterScope): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100));
  const name = isPlainObject(value) ? value['Ref'] : undefined;
  if (typeof name !== 'string') return 'computed at deploy time';
  const passed = parameterOrigins(scope, name).flatMap((origin) =>
    origin.kind === 'passed'
      ? [JSON.stringify(origin.value.slice(0, 100))]
      : origin.kind === 'computed'
        ? [origin.why]
        : [],
  );
  return passed.length === 0
    ? `of parameter ${name}`
    : `of parameter ${name} (given ${passed.slice(0, 3).join(' or ')} in place of its Default)`;
}
