import { isPlainObject } from '../cfn/is-plain-object.js';
import { existingRoleRisks, isOwnResource } from './existing-role-risks.js';
import { resourceType } from './free-value-types.js';
import type { TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/** Resources whose template CloudFormation fetches at deploy time: the bundle does not show what they create. */
const NESTED_TYPES = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application']);

/** What a custom resource's `ServiceToken` may name (AWS CloudFormation User Guide, "Custom resources"). */
const SERVICE_TOKEN_TYPES = new Set([
  'AWS::Lambda::Function',
  'AWS::Serverless::Function',
  'AWS::SNS::Topic',
]);

/**
 * What a resource does that the classifier cannot see ("unknown counts as high", DESIGN §4): a
 * nested stack or SAM application (its template comes from a URL), a custom resource
 * (`Custom::*`, `AWS::CloudFormation::CustomResource`) whose `ServiceToken` is not a function or
 * topic of this template (it runs someone else's code with someone else's role), and every IAM
 * role or instance profile it uses that this template does not make (`existingRoleRisks`). A role
 * or function given as `Fn::GetAtt`/`Ref` of a resource of this template is judged where that
 * resource is.
 */
export function unseenEffectRisks(params: {
  logicalId: string;
  type: string;
  properties: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const { logicalId, type, where, context } = params;
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const reasons: RiskReason[] = [];
  if (NESTED_TYPES.has(type))
    reasons.push({
      code: 'unseen-effect',
      where,
      message: `${logicalId} (${type}) deploys a template this change does not hold; what it creates cannot be judged.`,
    });
  if (
    (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') &&
    !isOwnHandler(properties['ServiceToken'], context)
  )
    reasons.push({
      code: 'unseen-effect',
      where: `${where}.Properties.ServiceToken`,
      message: `${logicalId} (${type}) runs a function outside this template at deploy time; what it does cannot be judged.`,
    });
  reasons.push(...existingRoleRisks({ logicalId, type, properties, where, context }));
  return reasons;
}

function isOwnHandler(token: unknown, context: TemplateValueContext): boolean {
  if (!isOwnResource(token, context) || !isPlainObject(token)) return false;
  const ref = token['Ref'];
  const attribute = token['Fn::GetAtt'];
  const id =
    typeof ref === 'string' ? ref : Array.isArray(attribute) ? attribute[0] : String(attribute).split('.')[0];
  return typeof id === 'string' && SERVICE_TOKEN_TYPES.has(resourceType(context.resources, id));
}
