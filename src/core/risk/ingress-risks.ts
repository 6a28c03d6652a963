import { isPlainObject } from '../cfn/is-plain-object.js';
import { readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * A CIDR this wide counts as the internet: an IPv4 prefix shorter than /8 (one /8 is 1/256 of the
 * address space; /0 to /7 are half to 1/128 of it, and a few such rules cover it all) or an IPv6
 * prefix shorter than /16. Our rule, chosen so splitting `0.0.0.0/0` into `/1`s or `/2`s is still
 * open; a reviewer sees anything this broad.
 */
const OPEN_IPV4_BELOW = 8;
const OPEN_IPV6_BELOW = 16;

/**
 * Security group ingress open to (a large share of) the internet: `CidrIp` with a prefix shorter
 * than /8 or `CidrIpv6` shorter than /16 (`0.0.0.0/0`, `0.0.0.0/1`, `::/0`…), on an
 * `AWS::EC2::SecurityGroup`'s `SecurityGroupIngress` list or an `AWS::EC2::SecurityGroupIngress`
 * resource. Every branch of an `Fn::If` is read (CloudFormation may take either); a CIDR or a rule
 * list only known at deploy time counts as open.
 */
export function ingressRisks(params: {
  type: string;
  properties: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const where = `${params.where}.Properties`;
  if (params.type === 'AWS::EC2::SecurityGroupIngress') return ruleRisks(properties, where, params.context);
  if (params.type !== 'AWS::EC2::SecurityGroup' || properties['SecurityGroupIngress'] === undefined)
    return [];
  const list = `${where}.SecurityGroupIngress`;
  return branches(properties['SecurityGroupIngress'], list).flatMap((branch) => {
    if (branch.value === undefined) return [];
    if (!Array.isArray(branch.value))
      return [
        {
          code: 'unresolved-value' as const,
          where: branch.where,
          message:
            'The ingress rules are only known when the stack is deployed; treated as open to the internet.',
        },
      ];
    return branch.value.flatMap((rule: unknown, index: number) =>
      branches(rule, `${branch.where}[${index}]`).flatMap((one) =>
        one.value === undefined ? [] : ruleRisks(one.value, one.where, params.context),
      ),
    );
  });
}

/** Every value an `Fn::If` may resolve to (nested ones too); `AWS::NoValue` is no value at all. */
function branches(value: unknown, where: string): Array<{ value: unknown; where: string }> {
  if (isPlainObject(value) && Object.keys(value).length === 1) {
    const choice = value['Fn::If'];
    if (Array.isArray(choice) && choice.length === 3)
      return [...branches(choice[1], `${where}.Fn::If[1]`), ...branches(choice[2], `${where}.Fn::If[2]`)];
    if (value['Ref'] === 'AWS::NoValue') return [{ value: undefined, where }];
  }
  return [{ value, where }];
}

function ruleRisks(rule: unknown, where: string, context: TemplateValueContext): RiskReason[] {
  if (!isPlainObject(rule))
    return [
      {
        code: 'unresolved-value',
        where,
        message: 'An ingress rule only known when the stack is deployed; treated as open to the internet.',
      },
    ];
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
    else if (value.texts.some(isOpen))
      reasons.push({
        code: 'open-ingress',
        where: `${where}.${field}`,
        message: `Opens ${describePorts(rule)} to the internet or a large share of it (${value.texts.join(', ')}).`,
      });
  }
  return reasons;
}

/** A prefix shorter than the open bound; a CIDR without a readable prefix is not judged open here. */
function isOpen(cidr: string): boolean {
  const match = /\/(\d{1,3})$/.exec(cidr.trim());
  if (match?.[1] === undefined) return false;
  const prefix = Number(match[1]);
  return prefix < (cidr.includes(':') ? OPEN_IPV6_BELOW : OPEN_IPV4_BELOW);
}

function describePorts(rule: Record<string, unknown>): string {
  const from = rule['FromPort'];
  const to = rule['ToPort'];
  if (typeof from === 'number' && typeof to === 'number')
    return from === to ? `port ${from}` : `ports ${from}-${to}`;
  return 'ingress';
}
