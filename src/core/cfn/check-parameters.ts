import { isPlainObject } from './is-plain-object.js';
import { isLogicalId, logicalIdProblem } from './logical-id.js';
import type { TemplateIssue } from './template-issue.js';
import type { TemplateNames } from './template-names.js';

export function checkParameters(parameters: unknown, names: TemplateNames): TemplateIssue[] {
  if (!isPlainObject(parameters)) return [];
  return Object.entries(parameters).flatMap(([id, definition]) => {
    const location = `Parameters.${id}`;
    const issues: TemplateIssue[] = [];
    if (!isLogicalId(id)) issues.push({ location, message: logicalIdProblem(id) });
    if (names.resources.has(id))
      issues.push({ location, message: `"${id}" is also the logical ID of a resource; IDs must be unique` });
    if (!isPlainObject(definition)) {
      issues.push({ location, message: 'must be a mapping with at least a Type' });
    } else if (typeof definition['Type'] !== 'string' || definition['Type'].trim() === '') {
      issues.push({
        location: `${location}.Type`,
        message: 'is missing; every parameter needs a Type such as String or Number',
      });
    }
    return issues;
  });
}
