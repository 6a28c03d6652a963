import { isPlainObject } from '../cfn/is-plain-object.js';

/**
 * The literal `Name`s of the `AWS::SSM::Parameter` resources among a template's `Resources`
 * (anything, read defensively). A Parameter Store read of one of these is not known to read what
 * the template writes: CloudFormation may resolve it before the resource exists
 * (`dynamicReferenceRisks` says so in its reason).
 */
export function ownSsmParameterNames(resources: unknown): ReadonlySet<string> {
  if (!isPlainObject(resources)) return new Set();
  return new Set(
    Object.values(resources).flatMap((resource) =>
      isPlainObject(resource) &&
      resource['Type'] === 'AWS::SSM::Parameter' &&
      isPlainObject(resource['Properties']) &&
      typeof resource['Properties']['Name'] === 'string'
        ? [resource['Properties']['Name']]
        : [],
    ),
  );
}
