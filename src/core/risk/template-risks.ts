import { isPlainObject } from '../cfn/is-plain-object.js';
import { dynamicReferenceRisks } from './dynamic-reference-risks.js';
import { globalsRisks } from './globals-risks.js';
import { resourceRisks } from './resource-risks.js';
import { ssmParameterTypeRisks } from './ssm-parameter-type-risks.js';
import type { ParameterBindings } from './parameter-origins.js';
import type { RiskReason } from './risk-assessment.js';
import { unseenConstructRisks } from './unseen-construct-risks.js';

/**
 * The risks of one parsed template (long form, as `parseTemplate` returns it) at `path`: what
 * the template cannot show (`unseenConstructRisks`), each resource's own risks, SAM `Globals`, and
 * secrets resolved into readable values (`dynamicReferenceRisks`, and Parameter Store parameter
 * types: `ssmParameterTypeRisks`).
 * What is only seen across resources (the address space all ingress rules open together) is judged
 * over the whole bundle by `classifyRisk` (`ingressBreadthRisks`).
 */
export function templateRisks(params: {
  path: string;
  template: unknown;
  /** How the template's parameters are set when it is a nested stack's (`nestedParameterBindings`); absent, on its own. */
  bindings?: ParameterBindings | undefined;
}): RiskReason[] {
  const { path, template } = params;
  if (!isPlainObject(template) || !isPlainObject(template['Resources']))
    return [
      {
        code: 'template-unreadable',
        where: path,
        message: 'The template has no Resources mapping to judge; treated as high risk.',
      },
    ];
  const reasons = unseenConstructRisks({ path, template });
  // `Fn::ForEach::…` and `Fn::Transform` keys are not resources; unseenConstructRisks reports them.
  const resources = Object.entries(template['Resources']).filter(
    ([logicalId]) => !logicalId.startsWith('Fn::'),
  );
  const context = {
    parameters: template['Parameters'],
    bindings: params.bindings,
    resources: Object.fromEntries(resources),
    globals: template['Globals'],
  };
  for (const [logicalId, resource] of resources)
    reasons.push(
      ...resourceRisks({
        logicalId,
        resource,
        where: `${path}#Resources.${logicalId}`,
        context,
      }),
    );
  reasons.push(...globalsRisks({ path, globals: template['Globals'], context }));
  reasons.push(...dynamicReferenceRisks({ path, template }));
  reasons.push(...ssmParameterTypeRisks({ path, template, context }));
  return reasons;
}
