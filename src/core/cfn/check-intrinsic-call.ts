import { describeValue } from './describe-value.js';
import { arityProblems } from './intrinsic-arity.js';
import { isPlainObject } from './is-plain-object.js';
import { ownValue } from './own-value.js';
import { subVariables } from './sub-variables.js';
import type { TemplateIssue } from './template-issue.js';
import { isRefTarget, isResource, refCandidates } from './template-names.js';
import type { TemplateNames } from './template-names.js';
import type { IntrinsicCall } from './walk-intrinsics.js';

export function checkIntrinsicCall(call: IntrinsicCall, names: TemplateNames): TemplateIssue[] {
  const problems = [...arityProblems(call.name, call.args), ...referenceProblems(call, names)];
  return problems.map((message) => ({ location: call.location, message }));
}

function referenceProblems(call: IntrinsicCall, names: TemplateNames): string[] {
  switch (call.name) {
    case 'Ref':
      return refProblems(call.args, names);
    case 'Fn::GetAtt':
      return getAttProblems(call.args, names);
    case 'Fn::Sub':
      return subProblems(call.args, names);
    case 'Fn::If':
      return Array.isArray(call.args) ? conditionProblems('Fn::If', call.args[0], names) : [];
    case 'Condition':
      return conditionProblems('Condition', call.args, names);
    case 'Fn::FindInMap':
      return Array.isArray(call.args) ? findInMapProblems(call.args, names) : [];
    default:
      return [];
  }
}

function refProblems(target: unknown, names: TemplateNames): string[] {
  if (typeof target !== 'string')
    return [`Ref must name a parameter or resource as a string, got ${describeValue(target)}`];
  if (isRefTarget(names, target)) return [];
  return [
    `Ref target "${target}" is not a parameter, resource or pseudo parameter${suggestion(names, target, () => refCandidates(names))}`,
  ];
}

function getAttProblems(args: unknown, names: TemplateNames): string[] {
  const [target, attribute] = typeof args === 'string' ? splitOnce(args) : Array.isArray(args) ? args : [];
  const shapeOk = Array.isArray(args) ? args.length === 2 : typeof args === 'string';
  if (
    !shapeOk ||
    typeof target !== 'string' ||
    target === '' ||
    attribute === undefined ||
    attribute === ''
  ) {
    return ['Fn::GetAtt expects [LogicalId, AttributeName] or "LogicalId.AttributeName"'];
  }
  if (typeof attribute !== 'string' && !isPlainObject(attribute)) {
    return [`Fn::GetAtt attribute name must be a string or Ref, got ${describeValue(attribute)}`];
  }
  return resourceProblem(`Fn::GetAtt target "${target}"`, target, names);
}

function subProblems(args: unknown, names: TemplateNames): string[] {
  const [text, variables] = Array.isArray(args) ? args : [args, {}];
  if (Array.isArray(args) && (args.length !== 2 || !isPlainObject(variables))) {
    return ['Fn::Sub expects a string or [string, { Variable: value }]'];
  }
  // A template string built by another function is resolved at deploy time; nothing to check here.
  if (typeof text !== 'string')
    return isPlainObject(text) ? [] : [`Fn::Sub template must be a string, got ${describeValue(text)}`];
  const declared = isPlainObject(variables) ? new Set(Object.keys(variables)) : new Set<string>();
  return subVariables(text).flatMap((variable) => subVariableProblems(variable, declared, names));
}

function subVariableProblems(
  variable: string,
  declared: ReadonlySet<string>,
  names: TemplateNames,
): string[] {
  if (variable === '') return ['Fn::Sub has an empty ${} placeholder'];
  if (declared.has(variable) || isRefTarget(names, variable)) return [];
  const dot = variable.indexOf('.');
  if (dot > 0) {
    const target = variable.slice(0, dot);
    return resourceProblem(`Fn::Sub variable "\${${variable}}" refers to "${target}", which`, target, names);
  }
  return [
    `Fn::Sub variable "\${${variable}}" is not a parameter, resource, pseudo parameter or key of the variable map${suggestion(names, variable, () => [...declared, ...refCandidates(names)])}`,
  ];
}

function resourceProblem(subject: string, target: string, names: TemplateNames): string[] {
  if (isResource(names, target)) return [];
  if (names.parameters.has(target)) return [`${subject} is a parameter, not a resource`];
  return [`${subject} is not a resource${suggestion(names, target, () => names.resources)}`];
}

function conditionProblems(user: string, condition: unknown, names: TemplateNames): string[] {
  if (typeof condition !== 'string')
    return [`${user} condition must be a condition name, got ${describeValue(condition)}`];
  if (names.conditions.has(condition)) return [];
  return [
    `${user} condition "${condition}" is not defined in Conditions${suggestion(names, condition, () => names.conditions)}`,
  ];
}

/**
 * `[MapName, TopLevelKey, SecondLevelKey]` checked against `Mappings` wherever they are literal, as
 * the map's own keys only (`toString` is no key of any map). A fourth item (`{ DefaultValue: … }`,
 * AWS::LanguageExtensions) answers for a missing key, so then only the map itself must exist.
 * AWS CloudFormation User Guide, "Fn::FindInMap" and "Fn::FindInMap enhancements".
 */
function findInMapProblems(args: readonly unknown[], names: TemplateNames): string[] {
  const [mapName, topKey, secondKey, defaultValue] = args;
  if (typeof mapName !== 'string') return [];
  const mapping = ownValue(names.mappings, mapName);
  if (mapping === undefined) {
    return [
      `Fn::FindInMap map "${mapName}" is not defined in Mappings${suggestion(names, mapName, () => Object.keys(names.mappings))}`,
    ];
  }
  if (defaultValue !== undefined || typeof topKey !== 'string' || !isPlainObject(mapping)) return [];
  const entry = ownValue(mapping, topKey);
  if (entry === undefined)
    return [
      `Fn::FindInMap map "${mapName}" has no key "${topKey}"${suggestion(names, topKey, () => Object.keys(mapping))}`,
    ];
  if (typeof secondKey !== 'string' || !isPlainObject(entry) || Object.hasOwn(entry, secondKey)) return [];
  return [
    `Fn::FindInMap map "${mapName}" has no key "${topKey}.${secondKey}"${suggestion(names, secondKey, () => Object.keys(entry))}`,
  ];
}

function splitOnce(text: string): [string, string | undefined] {
  const dot = text.indexOf('.');
  return dot === -1 ? [text, undefined] : [text.slice(0, dot), text.slice(dot + 1)];
}

function suggestion(names: TemplateNames, name: string, candidates: () => Iterable<string>): string {
  const closest = names.suggest(name, candidates);
  return closest === undefined || closest === name ? '' : ` (did you mean "${closest}"?)`;
}
