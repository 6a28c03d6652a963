import { isPlainObject } from '../cfn/is-plain-object.js';

/**
 * Whether `Ref` (no `attribute`) or `Fn::GetAtt` of a resource of `type` returns a value anyone
 * writing the template or running code chooses freely, so it may stand for `*`, `0.0.0.0/0` or an
 * admin role's ARN: a custom resource's physical id and `Data` (set by its function's response),
 * a nested stack's or SAM application's outputs, a wait condition's signal data, and an SSM
 * parameter's `Value` (AWS CloudFormation Template Reference, the "Return values" of
 * `AWS::CloudFormation::CustomResource`, `::Stack`, `::WaitCondition`, `AWS::SSM::Parameter`).
 */
export function returnsFreeValue(type: string, attribute?: string): boolean {
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return true;
  if (attribute === undefined) return false;
  if (type === 'AWS::CloudFormation::Stack' || type === 'AWS::Serverless::Application') return true;
  if (type === 'AWS::CloudFormation::WaitCondition') return true;
  return type === 'AWS::SSM::Parameter' && attribute === 'Value';
}

/** The `Type` of resource `logicalId` among `resources`, or '' when it is not there. */
export function resourceType(
  resources: Readonly<Record<string, unknown>> | undefined,
  logicalId: string,
): string {
  const resource = resources?.[logicalId];
  return isPlainObject(resource) && typeof resource['Type'] === 'string' ? resource['Type'] : '';
}
