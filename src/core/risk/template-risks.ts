import { isPlainObject } from '../cfn/is-plain-object.js';
import { resourceRisks } from './resource-risks.js';
import type { RiskReason } from './risk-assessment.js';

/** Transforms whose output CloudFormation documents; any other macro may add anything at deploy time. */
const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions']);

/** The risks of one parsed template (long form, as `parseTemplate` returns it) at `path`. */
export function templateRisks(params: { path: string; template: unknown }): RiskReason[] {
  const { path, template } = params;
  if (!isPlainObject(template) || !isPlainObject(template['Resources']))
    return [
      {
        code: 'template-unreadable',
        where: path,
        message: 'The template has no Resources mapping to judge; treated as high risk.',
      },
    ];
  const reasons: RiskReason[] = [];
  const transform = template['Transform'];
  for (const name of Array.isArray(transform) ? transform : transform === undefined ? [] : [transform]) {
    if (typeof name === 'string' && KNOWN_TRANSFORMS.has(name)) continue;
    reasons.push({
      code: 'unresolved-value',
      where: `${path}#Transform`,
      message: `The transform ${typeof name === 'string' ? `"${name}"` : '(computed)'} rewrites the template at deploy time; what it adds cannot be judged.`,
    });
  }
  const context = { parameters: template['Parameters'] };
  const resourceIds = new Set(Object.keys(template['Resources']));
  for (const [logicalId, resource] of Object.entries(template['Resources']))
    reasons.push(
      ...resourceRisks({
        logicalId,
        resource,
        where: `${path}#Resources.${logicalId}`,
        context,
        resourceIds,
      }),
    );
  return reasons;
}
