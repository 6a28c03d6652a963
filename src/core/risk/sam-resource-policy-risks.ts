import { isPlainObject } from '../cfn/is-plain-object.js';
import { policyDocumentRisks } from './policy-document-risks.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * `ResourcePolicy` keys from which SAM writes statements that allow (AWS SAM Developer Guide,
 * "ResourcePolicyStatement"): accounts, address ranges, VPCs and VPC endpoints let in, and custom
 * statements copied as written. The `…Blacklist` keys only deny.
 */
const GRANTING_KEYS = [
  'AwsAccountWhitelist',
  'IpRangeWhitelist',
  'SourceVpcWhitelist',
  'IntrinsicVpcWhitelist',
  'IntrinsicVpceWhitelist',
  'CustomStatements',
] as const;

/**
 * SAM's shorthand for an API's resource policy, `Auth.ResourcePolicy`, on an `AWS::Serverless::Api`
 * (or `Globals.Api`) and on a function's `Api` events: SAM turns it into the REST API's resource
 * policy. One that allows anything is `resource-policy`; its custom statements are judged as any
 * policy is (`policyDocumentRisks`: wildcards); one computed as a whole is `unresolved-value`.
 */
export function samResourcePolicyRisks(params: ResourceRiskInput): RiskReason[] {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const found: Array<{ policy: unknown; at: string }> = [];
  if (params.type === 'AWS::Serverless::Api') found.push(...authPolicyOf(properties, 'Properties'));
  if (params.type === 'AWS::Serverless::Function' && isPlainObject(properties['Events']))
    for (const [name, event] of Object.entries(properties['Events']))
      if (isPlainObject(event))
        found.push(...authPolicyOf(event['Properties'], `Properties.Events.${name}.Properties`));
  return found.flatMap(({ policy, at }) =>
    policyRisks({ ...params, policy, where: `${params.where}.${at}` }),
  );
}

function authPolicyOf(properties: unknown, at: string): Array<{ policy: unknown; at: string }> {
  if (!isPlainObject(properties)) return [];
  const auth = properties['Auth'];
  if (auth === undefined) return [];
  if (!isPlainObject(auth)) return [{ policy: auth, at: `${at}.Auth` }];
  const policy = auth['ResourcePolicy'];
  return policy === undefined ? [] : [{ policy, at: `${at}.Auth.ResourcePolicy` }];
}

function policyRisks(params: ResourceRiskInput & { policy: unknown }): RiskReason[] {
  const { policy, where, logicalId } = params;
  if (!isPlainObject(policy) || Object.keys(policy).some((key) => key === 'Ref' || key.startsWith('Fn::')))
    return [
      {
        code: 'unresolved-value',
        where,
        message: `${logicalId}'s API resource policy is only known when the stack is deployed; treated as granting access.`,
      },
    ];
  const granting = GRANTING_KEYS.filter((key) => policy[key] !== undefined);
  if (granting.length === 0) return [];
  const statements = policy['CustomStatements'];
  const custom =
    statements === undefined
      ? []
      : policyDocumentRisks({
          document: { Statement: statements },
          kind: 'resource',
          where: `${where}.CustomStatements`,
          context: params.context,
        }).reasons;
  return [
    {
      code: 'resource-policy',
      where,
      message: `${logicalId}'s API resource policy lets in ${granting.join(', ')}.`,
    },
    ...custom,
  ];
}
