import { isPlainObject } from '../cfn/is-plain-object.js';
import { existingRoleRisks } from './existing-role-risks.js';
import { isOwnResource } from './is-own-resource.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * Resources that deploy a template the bundle does not judge: stack sets (into other accounts and
 * Regions, from a URL or an inline text), and Service Catalog products (the product's template
 * lives in the catalog). Nested stacks and SAM applications are judged with the bundle
 * (`nestedStacks`): their template may be one of its files.
 */
const NESTED_TYPES = new Set([
  'AWS::CloudFormation::StackSet',
  'AWS::ServiceCatalog::CloudFormationProvisionedProduct',
]);

/**
 * Resources that change the account's CloudFormation registry (AWS CloudFormation User Guide,
 * "Using the CloudFormation registry", "Template macros", "Hooks"): a macro runs its function over
 * every template that names it; a resource, hook or module version registers handler code (run
 * with its own execution role) or resources for other stacks, and a default version switches every
 * stack to it; an activated public type is a third party's code; a hook's configuration turns it
 * on for every stack of the account; publishing makes a type public. None of it is judged here.
 */
const REGISTRY_TYPES: ReadonlySet<string> = new Set([
  'AWS::CloudFormation::Macro',
  'AWS::CloudFormation::ResourceVersion',
  'AWS::CloudFormation::ResourceDefaultVersion',
  'AWS::CloudFormation::HookVersion',
  'AWS::CloudFormation::HookDefaultVersion',
  'AWS::CloudFormation::HookTypeConfig',
  'AWS::CloudFormation::ModuleVersion',
  'AWS::CloudFormation::ModuleDefaultVersion',
  'AWS::CloudFormation::TypeActivation',
  'AWS::CloudFormation::PublicTypeVersion',
  'AWS::CloudFormation::Publisher',
  'AWS::CloudFormation::GuardHook',
  'AWS::CloudFormation::LambdaHook',
]);

/** What a custom resource's `ServiceToken` may name (AWS CloudFormation User Guide, "Custom resources"). */
const SERVICE_TOKEN_TYPES = new Set([
  'AWS::Lambda::Function',
  'AWS::Serverless::Function',
  'AWS::SNS::Topic',
]);

/**
 * What a resource does that the classifier cannot see ("unknown counts as high", DESIGN §4): a
 * stack set or provisioned product (`NESTED_TYPES`), a change to
 * the account's CloudFormation registry (`REGISTRY_TYPES`: macros, types, hooks), a resource
 * type from the CloudFormation registry that is not AWS's own (a third-party or private
 * extension, or a `::MODULE` that expands into resources; AWS CloudFormation User Guide, "Using
 * the CloudFormation registry"), a custom resource
 * (`Custom::*`, `AWS::CloudFormation::CustomResource`) whose `ServiceToken` is not a function or
 * topic of this template (it runs someone else's code with someone else's role), and every IAM
 * role or instance profile it uses that this template does not make (`existingRoleRisks`). A role
 * or function given as `Fn::GetAtt`/`Ref` of a resource of this template is judged where that
 * resource is.
 */
export function unseenEffectRisks(params: ResourceRiskInput): RiskReason[] {
  const { logicalId, type, where, context } = params;
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const reasons: RiskReason[] = [];
  if (NESTED_TYPES.has(type))
    reasons.push({
      code: 'unseen-effect',
      where,
      message: `${logicalId} (${type}) deploys a template this change does not hold; what it creates cannot be judged.`,
    });
  if (REGISTRY_TYPES.has(type))
    reasons.push({
      code: 'unseen-effect',
      where,
      message: `${logicalId} (${type}) changes the account's CloudFormation registry: code or settings that act on other stacks, which cannot be judged here.`,
    });
  if (isRegistryExtension(type))
    reasons.push({
      code: 'unseen-effect',
      where,
      message: `${logicalId} (${type}) is a third-party or private extension (or module): its handler runs outside this template; what it does cannot be judged.`,
    });
  if (
    (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') &&
    !isOwnResource(properties['ServiceToken'], context, SERVICE_TOKEN_TYPES)
  )
    reasons.push({
      code: 'unseen-effect',
      where: `${where}.Properties.ServiceToken`,
      message: `${logicalId} (${type}) runs a function outside this template at deploy time; what it does cannot be judged.`,
    });
  reasons.push(...existingRoleRisks({ logicalId, type, properties, where, context }));
  return reasons;
}

/** A type outside the `AWS::` namespace that is not a custom resource (judged by its ServiceToken). */
function isRegistryExtension(type: string): boolean {
  return type !== '' && !type.startsWith('AWS::') && !type.startsWith('Custom::');
}
