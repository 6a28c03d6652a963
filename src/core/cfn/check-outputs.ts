import { isPlainObject } from './is-plain-object.js';
import { isForEachKey, isLogicalId, logicalIdProblem } from './logical-id.js';
import type { TemplateIssue } from './template-issue.js';
import type { TemplateNames } from './template-names.js';

export function checkOutputs(outputs: unknown, names: TemplateNames): TemplateIssue[] {
  if (!isPlainObject(outputs)) return [];
  return Object.entries(outputs).flatMap(([id, definition]) => {
    if (isForEachKey(id)) return [];
    const location = `Outputs.${id}`;
    const issues: TemplateIssue[] = [];
    if (!isLogicalId(id)) issues.push({ location, message: logicalIdProblem(id) });
    if (!isPlainObject(definition))
      return [...issues, { location, message: 'must be a mapping with a Value' }];
    if (definition['Value'] === undefined || definition['Value'] === null) {
      issues.push({ location: `${location}.Value`, message: 'is missing; every output needs a Value' });
    }
    const condition = definition['Condition'];
    if (condition !== undefined && (typeof condition !== 'string' || !names.conditions.has(condition))) {
      issues.push({
        location: `${location}.Condition`,
        message: `condition ${JSON.stringify(condition)} is not defined in Conditions`,
      });
    }
    return issues;
  });
}
