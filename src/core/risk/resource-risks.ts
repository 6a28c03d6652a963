import { isPlainObject } from '../cfn/is-plain-object.js';
import { apiDefinitionSourceRisks } from './api-definition-source-risks.js';
import { integrationResourceRisks } from './http-api-integration-risks.js';
import { openApiIntegrationRisks } from './openapi-integration-risks.js';
import { dataEgressRisks } from './data-egress-risks.js';
import { aliasUpdateHookRisks } from './alias-update-hook-risks.js';
import { environmentVariableRisks } from './environment-variable-risks.js';
import { codeSourceRisks } from './code-source-risks.js';
import { existingGroupIngressRisks } from './existing-group-ingress-risks.js';
import { existingSecurityGroupRisks } from './existing-security-group-risks.js';
import { foreignKeyRisks } from './foreign-key-risks.js';
import { foreignPlacementRisks } from './foreign-placement-risks.js';
import { findPolicyDocuments } from './find-policy-documents.js';
import { fleetCommandRisks } from './fleet-command-risks.js';
import { functionUrlRisks } from './function-url-risks.js';
import { ingressRisks } from './ingress-risks.js';
import { jsonTextRisks } from './json-text-risks.js';
import { lambdaPermissionRisks } from './lambda-permission-risks.js';
import { layerSourceRisks } from './layer-source-risks.js';
import { machineImageRisks } from './machine-image-risks.js';
import { NESTED_STACK_TYPES } from './nested-stack-risks.js';
import { policyDocumentRisks, type PolicyKind } from './policy-document-risks.js';
import { outsideTargetRisks } from './outside-target-risks.js';
import { publicAccessRisks } from './public-access-risks.js';
import type { TemplateValueContext } from './read-template-value.js';
import { ALWAYS_GRANTING_TYPES, IDENTITY_POLICY_TYPES, isAccessType } from './resource-policy-types.js';
import type { RiskReason } from './risk-assessment.js';
import { defaultDeletionPolicy, STATEFUL_RESOURCE_TYPES } from './stateful-resource-types.js';
import { unseenEffectRisks } from './unseen-effect-risks.js';
import { unreadablePolicyRisks } from './unreadable-policy-risks.js';
import { vpcLinkRisks } from './vpc-link-risks.js';
import { unreviewedRisks } from './unreviewed-risks.js';
import { universalTargetRisks } from './universal-target-risks.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import { samResourcePolicyRisks } from './sam-resource-policy-risks.js';
import { serverlessNetworkPolicyRisks } from './serverless-network-policy-risks.js';

/**
 * Everything about one template resource a reviewer must see: IAM, resource policies, wildcards,
 * broad Lambda permissions and public function URLs, open ingress, security groups made elsewhere
 * (`existingSecurityGroupRisks`), other public access, commands
 * run on machines outside the template, data sent outside the account, data that a later removal
 * would destroy, code from outside the change (`codeSourceRisks`, `layerSourceRisks`, an instance
 * image AWS does not build: `machineImageRisks`, environment variables that load
 * code, and where it sends traffic: `environmentVariableRisks`, and CodeDeploy hooks:
 * `aliasUpdateHookRisks`), a bus or key of another account
 * (`foreignPlacementRisks`), a resource policy only known at deploy time (`unreadablePolicyRisks`), an
 * API defined by an OpenAPI document in S3 (`apiDefinitionSourceRisks`), the integrations an inline
 * one defines (`openApiIntegrationRisks`), an HTTP API integration's VPC link and response mapping
 * (`integrationResourceRisks`), effects the template does
 * not show (`unseenEffectRisks`), and any type or property the classifier has not
 * reviewed (`unreviewedRisks`, the allowlist `REVIEWED_RESOURCE_TYPES`). `where` is `<file>#Resources.<LogicalId>`;
 * `context` holds the template's parameters and resources.
 */
export function resourceRisks(params: {
  logicalId: string;
  resource: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const { logicalId, where, context } = params;
  const resource = isPlainObject(params.resource) ? params.resource : {};
  const type = typeof resource['Type'] === 'string' ? resource['Type'] : '';
  const properties = resource['Properties'];
  const reasons: RiskReason[] = [];
  if (type.startsWith('AWS::IAM::'))
    reasons.push({
      code: 'iam-resource',
      where,
      message: `Creates or changes IAM resource ${logicalId} (${type}).`,
    });
  else if (isAccessType(type))
    reasons.push({
      code: 'iam-resource',
      where,
      message: `Creates or changes access: ${logicalId} (${type}) gives people, roles or accounts permissions.`,
    });
  if (
    isPlainObject(properties) &&
    Array.isArray(properties['ManagedPolicyArns']) &&
    properties['ManagedPolicyArns'].length > 0
  )
    reasons.push({
      code: 'managed-policy',
      where: `${where}.Properties.ManagedPolicyArns`,
      message: `${logicalId} attaches managed policies whose permissions this change does not show.`,
    });
  if (
    type.startsWith('AWS::Serverless::') &&
    IDENTITY_POLICY_TYPES.has(type) &&
    !hasProperty(properties, 'Role')
  )
    reasons.push({
      code: 'implicit-iam-role',
      where,
      message: `${logicalId} (${type}) makes SAM create an IAM execution role for it.`,
    });
  if (ALWAYS_GRANTING_TYPES.has(type))
    reasons.push({
      code: 'resource-policy',
      where,
      message: `${logicalId} (${type}) grants access to others.`,
    });
  reasons.push(...policyRisks({ logicalId, type, properties, where, context }));
  if (type === 'AWS::Lambda::Permission')
    reasons.push(...lambdaPermissionRisks({ properties, where, context }));
  reasons.push(...functionUrlRisks({ type, properties, where, context }));
  reasons.push(...ingressRisks({ type, properties, where, context }));
  reasons.push(...existingGroupIngressRisks({ type, properties, where, context }));
  reasons.push(...existingSecurityGroupRisks({ logicalId, type, properties, where, context }));
  reasons.push(...vpcLinkRisks({ logicalId, type, properties, where, context }));
  reasons.push(...publicAccessRisks({ logicalId, type, properties, where, context }));
  reasons.push(...fleetCommandRisks({ logicalId, type, properties, where, context }));
  reasons.push(...dataEgressRisks({ logicalId, type, properties, where, context }));
  reasons.push(...universalTargetRisks({ logicalId, type, properties, where, context }));
  reasons.push(...samResourcePolicyRisks({ logicalId, type, properties, where, context }));
  reasons.push(...serverlessNetworkPolicyRisks({ logicalId, type, properties, where, context }));
  reasons.push(...unseenEffectRisks({ logicalId, type, properties, where, context }));
  reasons.push(...outsideTargetRisks({ logicalId, type, properties, where, context }));
  reasons.push(...codeSourceRisks({ logicalId, type, properties, where, context }));
  reasons.push(...layerSourceRisks({ logicalId, type, properties, where, context }));
  reasons.push(...machineImageRisks({ logicalId, type, properties, where, context }));
  reasons.push(...environmentVariableRisks({ logicalId, type, properties, where, context }));
  reasons.push(
    ...aliasUpdateHookRisks({ logicalId, type, updatePolicy: resource['UpdatePolicy'], where, context }),
  );
  reasons.push(...foreignPlacementRisks({ logicalId, type, properties, where, context }));
  reasons.push(...foreignKeyRisks({ logicalId, type, properties, where, context }));
  reasons.push(...jsonTextRisks({ logicalId, type, properties, where, context }));
  reasons.push(...unreadablePolicyRisks({ logicalId, type, properties, where, context }));
  reasons.push(...apiDefinitionSourceRisks({ logicalId, type, properties, where, context }));
  reasons.push(...integrationResourceRisks({ logicalId, type, properties, where, context }));
  reasons.push(...openApiIntegrationRisks({ logicalId, type, properties, where, context }));
  if (STATEFUL_RESOURCE_TYPES.has(type)) reasons.push(...deletionRisks({ logicalId, type, resource, where }));
  // "Low" is a positive claim: only what the classifier has reviewed may be low. A resource already
  // sent to a person as a whole (IAM, a nested stack) is not listed again as unreviewed, nor is an
  // unreviewed type with a reason of its own (a public setting), nor a custom resource run by this
  // template's own function (its properties are that function's input).
  const custom = type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
  // A nested stack is judged with the bundle that holds (or lacks) its template: `nestedStacks`.
  if (NESTED_STACK_TYPES.has(type)) return reasons;
  // An implicit role is about the role SAM adds, not the resource: what else it sets (a function's
  // `Events`, `DeploymentPreference`) is still listed, so the person sees it.
  const whole = reasons.some((reason) => reason.where === where && reason.code !== 'implicit-iam-role');
  const part = reasons.some((reason) => reason.where.startsWith(`${where}.`));
  if (!custom && !whole)
    reasons.push(
      ...unreviewedRisks({ logicalId, type, properties, where }).filter(
        (reason) => !part || reason.where !== where,
      ),
    );
  return reasons;
}

function policyRisks(params: ResourceRiskInput): RiskReason[] {
  const reasons: RiskReason[] = [];
  for (const found of findPolicyDocuments(params.properties)) {
    const where = `${params.where}.${found.path}`;
    const kind = policyKind(params.type, found.property);
    const findings = policyDocumentRisks({ document: found.document, kind, where, context: params.context });
    const isResourcePolicy = kind !== 'identity' && found.property !== 'AssumeRolePolicyDocument';
    if (isResourcePolicy && findings.grants && !ALWAYS_GRANTING_TYPES.has(params.type))
      reasons.push({
        code: 'resource-policy',
        where,
        message: `${params.logicalId} (${params.type}) has a resource policy that allows access.`,
      });
    reasons.push(...findings.reasons);
  }
  return reasons;
}

function policyKind(type: string, property: string): PolicyKind {
  if (property === 'AssumeRolePolicyDocument') return 'resource';
  if (property === 'KeyPolicy') return 'key';
  return IDENTITY_POLICY_TYPES.has(type) ? 'identity' : 'resource';
}

/**
 * A stateful resource that CloudFormation would delete with its data, whether the stack is deleted,
 * the resource is dropped from the template or replaced by an update. The template alone cannot
 * show a later change removing it (no change set exists when the PR opens), so only a `Retain`,
 * `RetainExceptOnCreate` or `Snapshot` policy makes automated changes to it safe. A policy written
 * as an intrinsic cannot be read, and counts as `Delete`.
 */
function deletionRisks(params: {
  logicalId: string;
  type: string;
  resource: Record<string, unknown>;
  where: string;
}): RiskReason[] {
  const { resource, type } = params;
  const fallback = defaultDeletionPolicy(type, resource['Properties']);
  const reasons: RiskReason[] = [];
  for (const attribute of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
    const written = resource[attribute];
    const policy = written === undefined ? fallback : typeof written === 'string' ? written : 'Delete';
    if (policy !== 'Delete') continue;
    reasons.push({
      code: 'stateful-delete-policy',
      where: `${params.where}.${attribute}`,
      message:
        `${params.logicalId} (${type}) holds data and its ${attribute} is Delete` +
        (written === undefined ? ' (the default)' : '') +
        `: ${attribute === 'DeletionPolicy' ? 'removing it from the template' : 'a replacement'} would destroy the data.`,
    });
  }
  return reasons;
}

function hasProperty(properties: unknown, name: string): boolean {
  return isPlainObject(properties) && properties[name] !== undefined;
}
