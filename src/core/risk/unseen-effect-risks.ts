import { isPlainObject } from '../cfn/is-plain-object.js';
import type { RiskReason } from './risk-assessment.js';

/** Resources whose template CloudFormation fetches at deploy time: the bundle does not show what they create. */
const NESTED_TYPES = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application']);

/** Properties that hand an existing IAM role to a resource (Lambda, SAM, ECS, Step Functions, CodeBuild…). */
const ROLE_PROPERTY = /^(Role|RoleArn|ServiceRole|ExecutionRoleArn|TaskRoleArn|ServiceRoleArn)$/;

/**
 * What a resource does that the classifier cannot see ("unknown counts as high", DESIGN §4): a
 * nested stack or SAM application (its template comes from a URL), a custom resource
 * (`Custom::*`, `AWS::CloudFormation::CustomResource`) whose `ServiceToken` is not a function of
 * this template (it runs someone else's code with someone else's role), and any resource that runs
 * as an IAM role not made by this template (named by ARN or a parameter): that role's power is
 * not in the change, yet the generated code gets it (iam:PassRole in effect). A role given as
 * `Fn::GetAtt`/`Ref` of a resource of this template is judged where that resource is.
 */
export function unseenEffectRisks(params: {
  logicalId: string;
  type: string;
  properties: unknown;
  where: string;
  /** The logical ids of this template's resources. */
  resourceIds: ReadonlySet<string>;
}): RiskReason[] {
  const { logicalId, type, where } = params;
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const ours = (value: unknown) => namesResource(value, params.resourceIds);
  const reasons: RiskReason[] = [];
  if (NESTED_TYPES.has(type))
    reasons.push({
      code: 'unseen-effect',
      where,
      message: `${logicalId} (${type}) deploys a template this change does not hold; what it creates cannot be judged.`,
    });
  if (
    (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') &&
    !ours(properties['ServiceToken'])
  )
    reasons.push({
      code: 'unseen-effect',
      where: `${where}.Properties.ServiceToken`,
      message: `${logicalId} (${type}) runs a function outside this template at deploy time; what it does cannot be judged.`,
    });
  for (const [name, value] of Object.entries(properties)) {
    if (!ROLE_PROPERTY.test(name) || ours(value)) continue;
    reasons.push({
      code: 'unseen-effect',
      where: `${where}.Properties.${name}`,
      message: `${logicalId} (${type}) runs as an existing IAM role this change does not show; its permissions cannot be judged.`,
    });
  }
  return reasons;
}

/** `Fn::GetAtt` or `Ref` of a resource of this template (a parameter or a literal ARN is not). */
function namesResource(value: unknown, resourceIds: ReadonlySet<string>): boolean {
  if (!isPlainObject(value)) return false;
  const ref = value['Ref'];
  if (typeof ref === 'string') return resourceIds.has(ref);
  const attribute = value['Fn::GetAtt'];
  const target = Array.isArray(attribute)
    ? attribute[0]
    : typeof attribute === 'string'
      ? attribute.split('.')[0]
      : undefined;
  return typeof target === 'string' && resourceIds.has(target);
}
