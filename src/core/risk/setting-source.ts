import { isPlainObject } from '../cfn/is-plain-object.js';
import { templateReferences, type TemplateReference } from '../cfn/template-references.js';

/** The sections of a template a setting's value may read: its parameters, conditions, mappings and resources. */
export interface TemplateDefinitions {
  readonly parameters?: unknown;
  readonly conditions?: unknown;
  readonly mappings?: unknown;
  readonly resources?: unknown;
}

/** A bound on the conditions followed from one setting (conditions naming conditions). */
const MAX_DEFINITIONS = 256;

/**
 * What decides a setting's value, as one text: the top-level `properties` named by `names` as
 * written, with what they read (`templateReferences`, the reading `readTemplateValue` makes): the
 * definition of every parameter (`Ref`, `Fn::Sub` `${Name}`), condition (`Fn::If`, `Condition`,
 * and what those read, level by level) and mapping (`Fn::FindInMap`), and the type of every
 * resource named (`Ref`, `Fn::GetAtt`, `${Id.Attr}`). Two settings of the same text deploy the
 * same values: a setting whose text is the same on the base branch is unchanged, whatever branch
 * the stack took. Properties that are themselves an intrinsic count whole. Undefined (equal to
 * nothing: judged as changed) past `MAX_DEFINITIONS`, for a name the template does not define,
 * and for a macro's output (`Fn::Transform`). Pure.
 */
export function settingSource(params: {
  properties: unknown;
  names: readonly string[];
  definitions: TemplateDefinitions;
}): string | undefined {
  const { properties, names, definitions } = params;
  const value =
    isPlainObject(properties) && !Object.keys(properties).some(isIntrinsicName)
      ? names.map((name) => properties[name])
      : [properties];
  const read = new Map<string, unknown>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    for (const reference of templateReferences(pending.pop())) {
      const found = definitionOf(reference, definitions);
      if (found === undefined) return undefined;
      if (found === PSEUDO || read.has(found.id)) continue;
      if (read.size >= MAX_DEFINITIONS) return undefined;
      read.set(found.id, found.definition ?? null);
      if (found.follow) pending.push(found.definition);
    }
  }
  return JSON.stringify([value, [...read.entries()].sort(([a], [b]) => a.localeCompare(b))]);
}

/** A pseudo parameter (`AWS::Region`…): the same for the stack on both branches. */
const PSEUDO = 'pseudo';

/**
 * What one reference reads, under an id of its section: a parameter's or mapping's definition, a
 * condition's expression (`follow`: it reads more), a resource's type (its name and attributes are
 * CloudFormation's; a setting reading them is only known at deploy time). Undefined when unknowable.
 */
function definitionOf(
  reference: TemplateReference,
  definitions: TemplateDefinitions,
): { id: string; definition: unknown; follow?: true } | typeof PSEUDO | undefined {
  switch (reference.kind) {
    case 'name': {
      if (reference.name.startsWith('AWS::')) return PSEUDO;
      const parameter = entry(definitions.parameters, reference.name);
      if (parameter !== undefined) return { id: `Parameters:${reference.name}`, definition: parameter };
      return resourceType(reference.name, definitions);
    }
    case 'attribute':
      return reference.resource === undefined ? undefined : resourceType(reference.resource, definitions);
    case 'condition':
      return {
        id: `Conditions:${reference.name}`,
        definition: entry(definitions.conditions, reference.name),
        follow: true,
      };
    case 'mapping': {
      const name = reference.name ?? '*';
      return { id: `Mappings:${name}`, definition: entry(definitions.mappings, name) };
    }
    case 'transform':
      return undefined;
  }
}

function resourceType(
  id: string,
  definitions: TemplateDefinitions,
): { id: string; definition: unknown } | undefined {
  const resource = entry(definitions.resources, id);
  if (!isPlainObject(resource)) return undefined;
  return { id: `Resources:${id}`, definition: resource['Type'] };
}

/** `section[name]`; every entry of `section` for `*` (a mapping named by an intrinsic). */
function entry(section: unknown, name: string): unknown {
  if (!isPlainObject(section)) return undefined;
  return name === '*' ? section : section[name];
}

function isIntrinsicName(name: string): boolean {
  return name === 'Ref' || name.startsWith('Fn::');
}
