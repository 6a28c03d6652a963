import { checkIntrinsicCall } from './check-intrinsic-call.js';
import { checkOutputs } from './check-outputs.js';
import { checkParameters } from './check-parameters.js';
import { checkQuotas } from './check-quotas.js';
import { checkResources } from './check-resources.js';
import { checkTopLevel } from './check-top-level.js';
import { conditionDependencies } from './condition-dependencies.js';
import { findDependencyCycles } from './find-dependency-cycles.js';
import { isPlainObject } from './is-plain-object.js';
import { isForEachKey } from './logical-id.js';
import { resourceDependencies } from './resource-dependencies.js';
import type { TemplateIssue } from './template-issue.js';
import { collectTemplateNames } from './template-names.js';
import type { TemplateNames } from './template-names.js';
import { walkIntrinsics } from './walk-intrinsics.js';

/**
 * What CloudFormation's own validation would reject before creating anything: missing or malformed
 * sections, badly formed types and IDs, unknown parameter types, references (`Ref`, `Fn::GetAtt`,
 * `Fn::Sub`, `DependsOn`, conditions, mappings) to things the template does not declare, and
 * resources or conditions that depend on themselves. Takes the long form from `parseTemplate`.
 * Every name is looked up among the template's own entries, never inherited object members, and
 * every walk is bounded by the parsed value (depth 64), so any parsed value gets an answer.
 */
export function checkTemplateStructure(template: unknown): TemplateIssue[] {
  if (!isPlainObject(template)) {
    return [{ location: 'Template', message: 'must be a mapping with a Resources section at the top level' }];
  }
  const overQuota = checkQuotas(template);
  if (overQuota.length > 0) return overQuota;
  const names = collectTemplateNames(template);
  return [
    ...checkTopLevel(template, names),
    ...checkParameters(template['Parameters'], names),
    ...checkResources(template['Resources'], names),
    ...checkOutputs(template['Outputs'], names),
    ...intrinsicIssues(template, names),
    ...cycleIssues(template['Resources']),
    ...conditionCycleIssues(template['Conditions']),
  ];
}

/** Sections whose values CloudFormation evaluates; Parameters, Mappings and Metadata hold literals. */
function intrinsicIssues(template: Record<string, unknown>, names: TemplateNames): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const visit = (call: Parameters<typeof checkIntrinsicCall>[0]): void =>
    void issues.push(...checkIntrinsicCall(call, names));
  for (const section of ['Resources', 'Outputs', 'Rules'] as const) {
    const entries = template[section];
    if (!isPlainObject(entries)) continue;
    for (const [id, body] of Object.entries(entries)) {
      if (!isForEachKey(id)) walkIntrinsics({ value: body, location: `${section}.${id}`, visit });
    }
  }
  const conditions = template['Conditions'];
  if (isPlainObject(conditions)) {
    for (const [id, body] of Object.entries(conditions)) {
      walkIntrinsics({ value: body, location: `Conditions.${id}`, visit, inConditionExpression: true });
    }
  }
  return issues;
}

function cycleIssues(resources: unknown): TemplateIssue[] {
  if (!isPlainObject(resources)) return [];
  return findDependencyCycles(resourceDependencies(resources)).map((cycle) => ({
    location: `Resources.${cycle[0] ?? ''}`,
    message: `circular dependency ${cycle.join(' → ')}; CloudFormation cannot order these resources`,
  }));
}

function conditionCycleIssues(conditions: unknown): TemplateIssue[] {
  if (!isPlainObject(conditions)) return [];
  return findDependencyCycles(conditionDependencies(conditions)).map((cycle) => ({
    location: `Conditions.${cycle[0] ?? ''}`,
    message: `circular dependency ${cycle.join(' → ')}; CloudFormation cannot evaluate conditions that refer to themselves`,
  }));
}
