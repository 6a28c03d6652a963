import { isPlainObject } from '../cfn/is-plain-object.js';
import { PUBLIC_ACCESS_RULES, type PublicAccessRule } from './public-access-rules.js';
import { readSettingValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/** Types that are public by what they are: a public ECR repository serves its images to anyone. */
const PUBLIC_TYPES = new Map([['AWS::ECR::PublicRepository', 'serves its images to anyone on the internet']]);

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
  const { rule, logicalId, type } = params;
  const name = rule.path.join('.');
  const where = `${params.where}.Properties.${name}`;
  const value = valueAt(params.properties, rule.path);
  if (value === undefined)
    return rule.publicWhenAbsent(params.properties)
      ? [
          {
            code: 'public-access',
            where,
            message: `${logicalId} (${type}) leaves ${name} out: AWS's default may ${rule.means}.`,
          },
        ]
      : [];
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

/**
 * The value at `path`, or undefined when absent. A mapping on the way that is an intrinsic
 * (an `Fn::If` between two mappings, a parameter) is returned as is, so it reads as unknown.
 */
function valueAt(properties: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = properties;
  for (const key of path) {
    if (!isPlainObject(value)) return value;
    if (Object.keys(value).some((name) => name === 'Ref' || name.startsWith('Fn::'))) return value;
    value = value[key];
  }
  return value;
}
