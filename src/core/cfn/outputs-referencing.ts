import { isRecord } from '../request/is-record.js';
import { expandForEach } from './expand-for-each.js';
import { NO_OUTPUTS, type OutputNames } from './output-names.js';
import { parseTemplate } from './parse-template.js';
import { subVariables } from './sub-variables.js';

/**
 * How deep a value is walked; past it the value counts as referring to everything (fails closed).
 * CloudFormation templates nest intrinsics a few levels; a deeper one is no ordinary template.
 */
const MAX_DEPTH = 64;

/** What a value too deep to walk refers to: every name. */
const EVERYTHING = Symbol('everything');
type Names = Set<string | typeof EVERYTHING>;

/**
 * The names of the template's outputs whose `Value` may carry the value of one of `parameters`,
 * followed by structure: a `Ref`, a `${Name}` placeholder of `Fn::Sub` (its string or a variable's
 * value), through `Fn::Base64`, `Fn::Select`, `Fn::Split`, `Fn::Join`, `Fn::If`… (CloudFormation
 * evaluates those, so the output may carry the value transformed, base64 or in pieces, where no
 * substring test finds it), and through resources: a resource whose definition (its properties, a
 * nested stack's `Parameters`) refers to such a parameter, or to another such resource, carries it,
 * and an output reading any of its attributes (`Fn::GetAtt Copy.Value`, a nested stack's
 * `Outputs.X`) or its `Ref` counts as referring. This fails closed: which attribute gives a
 * property back is the resource type's business (an `AWS::SSM::Parameter`'s `Value` does, a
 * function's `Arn` does not), so an output naming a resource that was handed the value at all is
 * treated as carrying it. A template that does not parse has none. Pure; linear in the template's
 * size plus its references.
 *
 * `Fn::ForEach` loops (`AWS::LanguageExtensions`) in `Resources` and `Outputs` are expanded
 * (`expandForEach`): a resource a loop makes (`Copy${Env}` → `CopyStaging`) carries the value as
 * any other, and each output a loop makes is looked at. A loop that cannot be expanded fails
 * closed: in `Resources`, a name an output or a resource refers to that the template does not
 * declare (a resource such a loop may make) counts as carrying; in `Outputs`, every output name
 * the template does not declare (one such a loop may make) counts as referring.
 */
export function outputsReferencing(template: string, parameters: ReadonlySet<string>): OutputNames {
  if (parameters.size === 0) return NO_OUTPUTS;
  const parsed = parseTemplate(template);
  if (!parsed.ok || !isRecord(parsed.template)) return NO_OUTPUTS;
  const outputs = parsed.template['Outputs'];
  if (!isRecord(outputs)) return NO_OUTPUTS;
  const resources = parsed.template['Resources'];
  const expanded = isRecord(resources) ? expandForEach(resources) : { entries: [], complete: true };
  const declared = expanded.complete
    ? undefined
    : new Set([...namesOf(parsed.template['Parameters']), ...expanded.entries.map(([name]) => name)]);
  const carrying = carryingNames(parameters, expanded.entries, declared);
  const expandedOutputs = expandForEach(outputs);
  const referencing = new Set(
    expandedOutputs.entries
      .filter(([, output]) => isRecord(output) && meetsAny(namesReferenced(output['Value']), carrying))
      .map(([name]) => name),
  );
  if (expandedOutputs.complete) return { named: referencing };
  return { named: referencing, declared: new Set(expandedOutputs.entries.map(([name]) => name)) };
}

function namesOf(section: unknown): string[] {
  return isRecord(section) ? Object.keys(section) : [];
}

/**
 * What carries one of `parameters`: the parameters and every name of `resources` (`[name,
 * definition]`) whose definition refers, directly or through other resources, to one. With
 * `declared` (the template's own names, when a loop was not expanded) every name referred to that
 * is not declared nor a pseudo parameter (`AWS::Region`) carries too: the loop may make it.
 */
function carryingNames(
  parameters: ReadonlySet<string>,
  resources: readonly (readonly [string, unknown])[],
  declared?: ReadonlySet<string>,
): CarryingNames {
  const carrying = new Set(parameters);
  // Who refers to each name: the reverse of the references, walked once from the parameters.
  const referrers = new Map<string | typeof EVERYTHING, string[]>();
  for (const [name, definition] of resources) {
    for (const referred of namesReferenced(definition)) {
      const list = referrers.get(referred);
      if (list === undefined) referrers.set(referred, [name]);
      else list.push(name);
    }
  }
  const undeclared = (name: string | typeof EVERYTHING): name is string =>
    declared !== undefined && typeof name === 'string' && !declared.has(name) && !name.includes('::');
  const unknown = [...referrers.keys()].filter(undeclared);
  // A resource too deep to walk refers to everything: it carries the value whatever the value is.
  const pending = [...parameters, ...unknown, ...(referrers.get(EVERYTHING) ?? [])];
  for (const name of [...unknown, ...(referrers.get(EVERYTHING) ?? [])]) carrying.add(name);
  while (pending.length > 0) {
    const name = pending.pop() ?? '';
    for (const referrer of referrers.get(name) ?? []) {
      if (carrying.has(referrer)) continue;
      carrying.add(referrer);
      pending.push(referrer);
    }
  }
  return { has: (name) => carrying.has(name) || undeclared(name) };
}

interface CarryingNames {
  has(name: string): boolean;
}

function meetsAny(referenced: Names, names: CarryingNames): boolean {
  for (const name of referenced) if (name === EVERYTHING || names.has(name)) return true;
  return false;
}

/** The parameter and resource names `value` refers to: `Ref`, `Fn::GetAtt`'s resource, `Fn::Sub` placeholders. */
function namesReferenced(value: unknown): Names {
  const names: Names = new Set();
  collect(value, names, false, 0);
  return names;
}

function collect(value: unknown, names: Names, inSub: boolean, depth: number): void {
  if (depth > MAX_DEPTH) {
    names.add(EVERYTHING);
    return;
  }
  if (typeof value === 'string') {
    if (inSub) for (const name of subVariables(value)) names.add(name.split('.')[0] ?? name);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, names, inSub, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') names.add(inner);
    else if (key === 'Fn::GetAtt') collectGetAtt(inner, names, depth + 1);
    else collect(inner, names, inSub || key === 'Fn::Sub', depth + 1);
  }
}

/** `Fn::GetAtt` as `Resource.Attribute` or `[Resource, Attribute]`; an attribute chosen by an intrinsic is walked. */
function collectGetAtt(value: unknown, names: Names, depth: number): void {
  if (typeof value === 'string') {
    names.add(value.split('.')[0] ?? value);
    return;
  }
  if (!Array.isArray(value)) {
    collect(value, names, false, depth);
    return;
  }
  const [resource, ...rest] = value as unknown[];
  if (typeof resource === 'string') names.add(resource);
  else collect(resource, names, false, depth);
  collect(rest, names, false, depth);
}
