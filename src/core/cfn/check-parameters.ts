import { isPlainObject } from './is-plain-object.js';
import { isLogicalId, logicalIdProblem } from './logical-id.js';
import { PARAMETER_TYPES } from './parameter-types.js';
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
      return issues;
    }
    const type = definition['Type'];
    if (typeof type !== 'string' || type.trim() === '') {
      issues.push({
        location: `${location}.Type`,
        message: 'is missing; every parameter needs a Type such as String or Number',
      });
    } else if (!PARAMETER_TYPES.has(type)) {
      issues.push({ location: `${location}.Type`, message: parameterTypeProblem(type, names) });
    }
    return issues;
  });
}

function parameterTypeProblem(type: string, names: TemplateNames): string {
  const closest = names.suggest(type, () => PARAMETER_TYPES);
  const hint =
    closest === undefined
      ? 'expected String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as AWS::EC2::VPC::Id or List<AWS::EC2::Subnet::Id>, or AWS::SSM::Parameter::Value<…>'
      : `did you mean "${closest}"?`;
  return `"${type}" is not a CloudFormation parameter type (${hint})`;
}
