import { isPlainObject } from '../cfn/is-plain-object.js';
import { ifBranches } from './if-branches.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * `unseen-effect` for an HTTP API VPC link (`AWS::ApiGatewayV2::VpcLink`; AWS CloudFormation
 * Template Reference: `SubnetIds` required, `SecurityGroupIds` optional) that names no security
 * group on some branch (left out, `Ref: AWS::NoValue`, an empty list or one whose every item may be
`AWS::NoValue`, every `Fn::If` branch read):
 * API Gateway puts the link's network interfaces into its subnets, and the template does not show
 * which group they join, so what in the VPC the API's requests may reach cannot be judged. Groups
 * it names that this template does not make are `existingSecurityGroupRisks`'; its subnets alone
 * stay low, as a function's do (its integrations' URIs must be this template's listeners or
 * services: `httpApiIntegrationRisks`). `where` is `<file>#Resources.<Id>.Properties.SecurityGroupIds`.
 */
export function vpcLinkRisks(params: ResourceRiskInput): RiskReason[] {
  if (params.type !== 'AWS::ApiGatewayV2::VpcLink') return [];
  const properties = isPlainObject(params.properties) ? params.properties : {};
  return ifBranches(properties['SecurityGroupIds'], 'SecurityGroupIds')
    .filter(
      ({ value }) => value === undefined || isNoValue(value) || (Array.isArray(value) && mayBeEmpty(value)),
    )
    .slice(0, 1)
    .map(({ at }) => ({
      code: 'unseen-effect' as const,
      where: `${params.where}.Properties.${at}`,
      message: `${params.logicalId} (${params.type}) names no security group: which group its network interfaces join in its subnets, and so what in the VPC the API's requests can reach, is not shown.`,
    }));
}

/**
 * Whether a list may hold no item: CloudFormation drops an item that is `Ref: AWS::NoValue`, so a
 * list whose every item may be that (an `Fn::If` with a NoValue branch) may be empty.
 */
function mayBeEmpty(items: readonly unknown[]): boolean {
  return items.every((item, index) =>
    ifBranches(item, `[${index}]`).some(({ value }) => value === undefined || isNoValue(value)),
  );
}

function isNoValue(value: unknown): boolean {
  return isPlainObject(value) && value['Ref'] === 'AWS::NoValue';
}
