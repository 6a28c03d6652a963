import { isPlainObject } from '../cfn/is-plain-object.js';
import { PUBLIC_ACCESS_RULES, type PublicAccessRule } from './public-access-rules.js';
import { readSettingValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import { valuesAtPath } from './values-at-path.js';

/** Types that are public by what they are: a public ECR repository serves its images to anyone. */
const PUBLIC_TYPES = new Map([
  ['AWS::ECR::PublicRepository', 'serves its images to anyone on the internet'],
  ['AWS::EC2::EIPAssociation', 'gives an instance or network interface a public Elastic IP address'],
  ['AWS::CloudFront::Distribution', 'serves its origins to anyone on the internet'],
]);

/**
 * Settings that expose a resource to the internet (`PUBLIC_ACCESS_RULES`): a public value on any
 * branch of an `Fn::If`, or a left-out setting whose AWS default is public, is `public-access`; a
 * value only known at deploy time is `unresolved-value`, treated as public.
 */
export function publicAccessRisks(params: ResourceRiskInput): RiskReason[] {
  const { logicalId, type } = params;
  const always = PUBLIC_TYPES.get(type);
  if (always !== undefined)
    return [{ code: 'public-access', where: params.where, message: `${logicalId} (${type}) ${always}.` }];
  const properties = isPlainObject(params.properties) ? params.properties : {};
  return PUBLIC_ACCESS_RULES.filter(
    (rule) => rule.type === type && rule.harmless?.(properties) !== true,
  ).flatMap((rule) => ruleRisks({ ...params, rule, properties }));
}

function ruleRisks(params: {
  logicalId: string;
  type: string;
  rule: PublicAccessRule;
  properties: Record<string, unknown>;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  return valuesAtPath(params.properties, params.rule.path).flatMap(({ value, at }) =>
    valueRisks({ ...params, value, name: at }),
  );
}

function valueRisks(params: {
  logicalId: string;
  type: string;
  rule: PublicAccessRule;
  properties: Record<string, unknown>;
  where: string;
  context: TemplateValueContext;
  value: unknown;
  name: string;
}): RiskReason[] {
  const { rule, logicalId, type, name, value } = params;
  const where = `${params.where}.Properties.${name}`;
  if (value === undefined)
    return rule.publicWhenAbsent(params.properties, params.context)
      ? [
          {
            code: 'public-access',
            where,
            message: `${logicalId} (${type}) leaves ${name} out: AWS's default may ${rule.means}.`,
          },
        ]
      : [];
  // `Ref: AWS::NoValue`, alone or as an `Fn::If` branch, leaves the setting out: AWS's default
  // applies (a load balancer's `Scheme` left out is internet-facing).
  if (ifBranches(value).includes(undefined)) {
    const absent = valueRisks({ ...params, value: undefined });
    if (absent.length > 0) return absent;
  }
  // A rule that only a left-out setting makes public (an instance without a subnet lands in the
  // default VPC) is satisfied by any value, a subnet of this template or a parameter alike.
  if (rule.publicValues !== 'any' && rule.publicValues.length === 0) return [];
  if (rule.publicValues === 'any')
    return [
      {
        code: 'public-access',
        where,
        message: `${logicalId} (${type}) sets ${name}: this will ${rule.means}.`,
      },
    ];
  const read = readSettingValue(value, params.context);
  if (!read.known)
    return [
      { code: 'unresolved-value', where, message: `${name} depends on ${read.why}; treated as public.` },
    ];
  const wanted = rule.publicValues.map((text) => text.toLowerCase());
  const open = read.texts.filter((text) => wanted.includes(text.toLowerCase()));
  return open.length === 0
    ? []
    : [
        {
          code: 'public-access',
          where,
          message: `${logicalId} (${type}) sets ${name} to ${open.join(' or ')}: this will ${rule.means}.`,
        },
      ];
}

/** Every value an `Fn::If` may take (nested ones too), `Ref: AWS::NoValue` as undefined; else the value. */
function ifBranches(value: unknown): unknown[] {
  if (!isPlainObject(value)) return [value];
  if (value['Ref'] === 'AWS::NoValue') return [undefined];
  const choice = value['Fn::If'];
  if (!Array.isArray(choice) || choice.length !== 3) return [value];
  return [...ifBranches(choice[1]), ...ifBranches(choice[2])];
}
