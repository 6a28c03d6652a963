import { isPlainObject } from './is-plain-object.js';
import { isForEachKey, isLogicalId, logicalIdProblem } from './logical-id.js';
import { isResourceType } from './resource-type.js';
import type { TemplateIssue } from './template-issue.js';
import { isResource } from './template-names.js';
import type { TemplateNames } from './template-names.js';

const ATTRIBUTES = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'CreationPolicy',
  'DeletionPolicy',
  'UpdatePolicy',
  'UpdateReplacePolicy',
]);
const SERVERLESS_ATTRIBUTES = new Set(['Connectors', 'IgnoreGlobals']);
const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
const UPDATE_REPLACE_POLICIES = ['Delete', 'Retain', 'Snapshot'];

/** The Resources section's own rules; references inside resource bodies are checked by the intrinsic walk. */
export function checkResources(resources: unknown, names: TemplateNames): TemplateIssue[] {
  if (resources === undefined)
    return [{ location: 'Resources', message: 'is missing; a template needs at least one resource' }];
  if (!isPlainObject(resources))
    return [{ location: 'Resources', message: 'must be a mapping of logical IDs to resources' }];
  if (Object.keys(resources).length === 0)
    return [{ location: 'Resources', message: 'is empty; a template needs at least one resource' }];
  return Object.entries(resources).flatMap(([id, body]) =>
    isForEachKey(id) ? [] : checkResource(id, body, names),
  );
}

function checkResource(id: string, body: unknown, names: TemplateNames): TemplateIssue[] {
  const location = `Resources.${id}`;
  const issues: TemplateIssue[] = [];
  const add = (at: string, message: string): void => void issues.push({ location: at, message });
  if (!isLogicalId(id)) add(location, logicalIdProblem(id));
  if (!isPlainObject(body)) return [...issues, { location, message: 'must be a mapping with a Type' }];

  const type = body['Type'];
  if (type === undefined)
    add(`${location}.Type`, 'is missing; every resource needs a Type such as AWS::S3::Bucket');
  else if (typeof type !== 'string' || !isResourceType(type)) {
    add(
      `${location}.Type`,
      `${JSON.stringify(type)} is not a resource type (expected Provider::Service::Resource such as AWS::Lambda::Function, or Custom::Name)`,
    );
  }
  for (const attribute of Object.keys(body)) {
    if (ATTRIBUTES.has(attribute) || (names.serverless && SERVERLESS_ATTRIBUTES.has(attribute))) continue;
    add(
      `${location}.${attribute}`,
      `"${attribute}" is not a resource attribute; resource settings belong under Properties`,
    );
  }
  if (body['Properties'] !== undefined && !isPlainObject(body['Properties']))
    add(`${location}.Properties`, 'must be a mapping');
  issues.push(...dependsOnProblems(location, body['DependsOn'], names));
  const condition = body['Condition'];
  if (condition !== undefined && (typeof condition !== 'string' || !names.conditions.has(condition))) {
    add(`${location}.Condition`, `condition ${JSON.stringify(condition)} is not defined in Conditions`);
  }
  issues.push(...policyProblems(`${location}.DeletionPolicy`, body['DeletionPolicy'], DELETION_POLICIES));
  issues.push(
    ...policyProblems(
      `${location}.UpdateReplacePolicy`,
      body['UpdateReplacePolicy'],
      UPDATE_REPLACE_POLICIES,
    ),
  );
  return issues;
}

function dependsOnProblems(location: string, dependsOn: unknown, names: TemplateNames): TemplateIssue[] {
  if (dependsOn === undefined) return [];
  const targets = [dependsOn].flat();
  return targets.flatMap((target): TemplateIssue[] => {
    if (typeof target !== 'string') {
      return [
        { location: `${location}.DependsOn`, message: 'must be a resource logical ID or a list of them' },
      ];
    }
    if (isResource(names, target)) return [];
    const closest = names.suggest(target, () => names.resources);
    const hint = closest === undefined ? '' : ` (did you mean "${closest}"?)`;
    return [
      { location: `${location}.DependsOn`, message: `DependsOn target "${target}" is not a resource${hint}` },
    ];
  });
}

function policyProblems(location: string, policy: unknown, allowed: readonly string[]): TemplateIssue[] {
  if (policy === undefined || (typeof policy === 'string' && allowed.includes(policy))) return [];
  // Policies may be chosen by Fn::If.
  if (isPlainObject(policy)) return [];
  return [{ location, message: `${JSON.stringify(policy)} is not one of ${allowed.join(', ')}` }];
}
