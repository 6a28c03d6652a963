import { isPlainObject } from '../cfn/is-plain-object.js';
import { findDynamicReferences, renderBudget, type DynamicReference } from './find-dynamic-references.js';
import { ownSsmParameterNames } from './own-ssm-parameter-names.js';
import { isPublicParameterName } from './public-parameter-name.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Properties reviewed as places a secret belongs: where the value is read by no wider audience than
 * the secret's own. A DB instance's `MasterUserPassword` is write-only (no RDS API returns it:
 * Amazon RDS API Reference, "DBInstance" has no password member). A new secret's `SecretString` is
 * not a sink: GetSecretValue returns it to anyone whose IAM allows that on the new secret, without
 * the resource and key policies guarding the secret it was copied from (AWS Secrets Manager User
 * Guide, "Authentication and access control"), so copying one into a new secret is egress.
 */
const SECRET_SINKS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['AWS::RDS::DBInstance', new Set(['MasterUserPassword'])],
]);

/**
 * `data-egress` for each dynamic reference (`findDynamicReferences`) to a secret (`secretsmanager`,
 * `ssm-secure`), to a Parameter Store parameter (`ssm`) other than a public `/aws/service/…` one
 * (`isPublicParameterName`, as for Parameter Store parameter types: `ssmParameterTypeRisks`), or
 * assembled from computed parts, anywhere in the template but a secret sink (`SECRET_SINKS`). A
 * parameter the template itself makes is no exception (`OWN_PARAMETER` says why): CloudFormation
 * resolves a secretsmanager reference in any resource property, and the service may show it there
 * ("the secret value may show up in the service whose resource it's being used in"; AWS
 * CloudFormation User Guide, "Get a secret or secret value from Secrets Manager"), so the value is
 * copied where whoever can read the resource (a `String` parameter, a tag, a description) reads it,
 * out of the secret's access control. Outside resource properties no use is documented (resource
 * metadata such as `AWS::CloudFormation::Init` is named as a place a secret reference cannot go,
 * since the console shows it: AWS Secrets Manager User Guide, "Get an AWS Secrets Manager secret in
 * an AWS CloudFormation resource"), so a reference there is judged the same, failing closed: a
 * stack output is read by anyone allowed `DescribeStacks` and stored with the deployment record;
 * SAM `Globals` are copied into resources; a parameter's `Default`, a mapping or a condition feeds
 * resource properties. `where` is
 * `<path>#<Section>.<location>` (`#Resources.<Id>.Properties.<property path>`, `#Outputs.<Id>.Value`).
 */
export function dynamicReferenceRisks(params: {
  path: string;
  template: Record<string, unknown>;
}): RiskReason[] {
  const ownParameters = ownSsmParameterNames(params.template['Resources']);
  return templateReferences(params.template)
    .filter(({ reference }) => !isPublicRead(reference))
    .map(({ reference, holder }) => ({
      code: 'data-egress',
      where: `${params.path}#${reference.at}`,
      message: `${holder} ${describe(reference)} into ${reference.at}, ${exposure(reference.at)}${
        reference.kind === 'ssm' && reference.literal && ownParameters.has(reference.name)
          ? OWN_PARAMETER
          : ''
      }.`,
    }));
}

/**
 * Why a reference to a Parameter Store parameter the template itself makes is no safer: CloudFormation
 * resolves dynamic references "when necessary during stack and change set operations" (AWS
 * CloudFormation User Guide, "Get values stored in other services using dynamic references"), which
 * may be before the `AWS::SSM::Parameter` resource exists, so an existing parameter of that name
 * (anyone's) is read.
 */
const OWN_PARAMETER =
  '; the template also creates a parameter of that name, but CloudFormation may resolve the reference before that parameter exists (when the change set is made), reading whatever parameter of that name exists then';

/** A plain `ssm` reference to a public `/aws/service/…` parameter: AWS publishes it to every account, so reading it copies nothing out. */
function isPublicRead(reference: DynamicReference): boolean {
  return reference.kind === 'ssm' && reference.literal && isPublicParameterName(reference.name);
}

/** Every reference of the template with what holds it (`Q (AWS::SQS::Queue) resolves`), secret sinks left out. */
function templateReferences(
  template: Record<string, unknown>,
): { reference: DynamicReference; holder: string }[] {
  const found: { reference: DynamicReference; holder: string }[] = [];
  const budget = renderBudget();
  for (const [section, value] of Object.entries(template)) {
    if (section !== 'Resources' || !isPlainObject(value)) {
      found.push(
        ...findDynamicReferences(value, section, budget).map((reference) => ({
          reference,
          holder: 'The template',
        })),
      );
      continue;
    }
    for (const [logicalId, resource] of Object.entries(value)) {
      const at = `Resources.${logicalId}`;
      if (!isPlainObject(resource)) {
        found.push(
          ...findDynamicReferences(resource, at, budget).map((reference) => ({
            reference,
            holder: 'The template',
          })),
        );
        continue;
      }
      const type = typeof resource['Type'] === 'string' ? resource['Type'] : '';
      const holder = `${logicalId} (${type})`;
      for (const [key, part] of Object.entries(resource)) {
        const entries =
          key === 'Properties' && isPlainObject(part)
            ? Object.entries(part)
                .filter(([name]) => SECRET_SINKS.get(type)?.has(name) !== true)
                .flatMap(([name, property]) =>
                  findDynamicReferences(property, `${at}.Properties.${name}`, budget),
                )
            : findDynamicReferences(part, `${at}.${key}`, budget);
        found.push(...entries.map((reference) => ({ reference, holder })));
      }
    }
  }
  return found;
}

function describe(reference: DynamicReference): string {
  if (reference.kind === 'built')
    return 'resolves a dynamic reference the classifier cannot read (built from values known only at deploy time, or of a service or spelling it does not read)';
  const what = reference.kind === 'ssm' ? 'the Parameter Store parameter' : 'the secret';
  return `resolves ${what} "${reference.name}"`;
}

function exposure(at: string): string {
  if (at.startsWith('Outputs.'))
    return 'a stack output anyone allowed to describe the stack reads, and the deploy run stores with the deployment';
  if (at.startsWith('Resources.') && at.includes('.Properties.'))
    return 'where whoever can read the resource reads it';
  return 'outside the resource properties a secret is reviewed for: where it ends up cannot be judged';
}
