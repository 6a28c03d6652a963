import { isPlainObject } from '../cfn/is-plain-object.js';
import { readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Security group ingress open to the whole internet: `CidrIp` or `CidrIpv6` with prefix length 0
 * (`0.0.0.0/0`, `::/0`), on an `AWS::EC2::SecurityGroup`'s `SecurityGroupIngress` list or an
 * `AWS::EC2::SecurityGroupIngress` resource. A CIDR that is only known at deploy time counts as open.
 */
export function ingressRisks(params: {
  type: string;
  properties: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const rules: Array<{ rule: unknown; where: string }> =
    params.type === 'AWS::EC2::SecurityGroupIngress'
      ? [{ rule: properties, where: `${params.where}.Properties` }]
      : params.type === 'AWS::EC2::SecurityGroup' && Array.isArray(properties['SecurityGroupIngress'])
        ? properties['SecurityGroupIngress'].map((rule: unknown, index: number) => ({
            rule,
            where: `${params.where}.Properties.SecurityGroupIngress[${index}]`,
          }))
        : [];
  return rules.flatMap(({ rule, where }) => ruleRisks(rule, where, params.context));
}

function ruleRisks(rule: unknown, where: string, context: TemplateValueContext): RiskReason[] {
  if (!isPlainObject(rule)) return [];
  const reasons: RiskReason[] = [];
  for (const field of ['CidrIp', 'CidrIpv6'] as const) {
    if (!(field in rule)) continue;
    const value = readTemplateValue(rule[field], context);
    if (!value.known)
      reasons.push({
        code: 'unresolved-value',
        where: `${where}.${field}`,
        message: `Ingress ${field} depends on ${value.why}; treated as open to the internet.`,
      });
    else if (value.texts.some((text) => /\/0$/.test(text.trim())))
      reasons.push({
        code: 'open-ingress',
        where: `${where}.${field}`,
        message: `Opens ${describePorts(rule)} to the whole internet (${value.texts.join(', ')}).`,
      });
  }
  return reasons;
}

function describePorts(rule: Record<string, unknown>): string {
  const from = rule['FromPort'];
  const to = rule['ToPort'];
  if (typeof from === 'number' && typeof to === 'number')
    return from === to ? `port ${from}` : `ports ${from}-${to}`;
  return 'ingress';
}
