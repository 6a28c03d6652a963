import { isPlainObject } from '../cfn/is-plain-object.js';
import { ifBranches } from './if-branches.js';
import { isOwnResource } from './is-own-resource.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import { valuesAtPath } from './values-at-path.js';

const OWN_GROUP_TYPES: ReadonlySet<string> = new Set(['AWS::EC2::SecurityGroup']);

/**
 * Where each reviewed type names the security groups its network interfaces join (AWS
 * CloudFormation Template Reference: "AWS::Lambda::Function VpcConfig", SAM's `VpcConfig`,
 * "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate LaunchTemplateData", "AWS::RDS::DBInstance"
 * `VPCSecurityGroups`, "AWS::ElasticLoadBalancingV2::LoadBalancer" `SecurityGroups`,
 * "AWS::ApiGatewayV2::VpcLink" `SecurityGroupIds`), each path ending at the list.
 */
const GROUP_LISTS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['AWS::Lambda::Function', [['VpcConfig', 'SecurityGroupIds']]],
  ['AWS::Serverless::Function', [['VpcConfig', 'SecurityGroupIds']]],
  ['AWS::EC2::Instance', [['SecurityGroupIds'], ['SecurityGroups'], ['NetworkInterfaces', '[]', 'GroupSet']]],
  [
    'AWS::EC2::LaunchTemplate',
    [
      ['LaunchTemplateData', 'SecurityGroupIds'],
      ['LaunchTemplateData', 'SecurityGroups'],
      ['LaunchTemplateData', 'NetworkInterfaces', '[]', 'Groups'],
    ],
  ],
  ['AWS::RDS::DBInstance', [['VPCSecurityGroups']]],
  ['AWS::ElasticLoadBalancingV2::LoadBalancer', [['SecurityGroups']]],
  ['AWS::ApiGatewayV2::VpcLink', [['SecurityGroupIds']]],
]);

/**
 * `unseen-effect` for a function, instance, launch template, database, load balancer or VPC link put into a
 * security group this template does not make (a literal `sg-…` id or name such as `default`, a
 * parameter, an import): a security group's inbound rules apply to every interface in it, and a
 * rule of another group that allows traffic from it lets in every member (Amazon VPC User Guide,
 * "Security group rules": a source "security group" means "the instances associated with the
 * security group"). So the resource takes on reachability and access nobody reviewed here. The
 * subnet alone is normal and stays low: a Lambda function or database in an existing subnet with
 * the template's own group gets no public address and only the access its own group's rules
 * show (an instance's existing subnet is judged by `outsideTargetRisks`, for its public-IP
 * setting). Every `Fn::If` branch is read; `Ref: AWS::NoValue` adds no group.
 * `where` is `<file>#Resources.<Id>.Properties.<path to the list or item>`.
 */
export function existingSecurityGroupRisks(params: ResourceRiskInput): RiskReason[] {
  return (GROUP_LISTS.get(params.type) ?? []).flatMap((path) =>
    valuesAtPath(params.properties, [...path, '[]']).flatMap(({ value, at }) =>
      ifBranches(value, at)
        .filter(
          (item) => item.value !== undefined && !isOwnResource(item.value, params.context, OWN_GROUP_TYPES),
        )
        .map((item) => ({
          code: 'unseen-effect' as const,
          where: `${params.where}.Properties.${item.at}`,
          message: `${params.logicalId} (${params.type}) joins a security group this template does not make (${describe(item.value)}): it takes on that group's inbound rules and whatever other groups allow from it, access this change does not show.`,
        })),
    ),
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100));
  if (isPlainObject(value) && typeof value['Ref'] === 'string')
    return `parameter or resource ${value['Ref']}`;
  return 'a value known only at deploy time';
}
