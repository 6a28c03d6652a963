import { isPlainObject } from '../cfn/is-plain-object.js';

/** The sections of a template a setting's value may read: its parameters, conditions and mappings. */
export interface TemplateDefinitions {
  readonly parameters?: unknown;
  readonly conditions?: unknown;
  readonly mappings?: unknown;
}

/** A bound on the conditions followed from one setting (conditions naming conditions). */
const MAX_DEFINITIONS = 256;

/**
 * What decides a setting's value, as one text: the top-level `properties` named by `names` as
 * written, with the definition of every parameter (`Ref`), condition (`Fn::If`, `Condition`, and
 * what those read, level by level) and mapping (`Fn::FindInMap`) they read. Two settings of the
 * same text deploy the same values: a setting whose text is the same on the base branch is
 * unchanged, whatever branch the stack took. Properties that are themselves an intrinsic count
 * whole. Undefined past `MAX_DEFINITIONS` (equal to nothing: judged as changed). Pure.
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
    for (const [section, name] of references(pending.pop())) {
      const id = `${section}:${name}`;
      if (read.has(id)) continue;
      if (read.size >= MAX_DEFINITIONS) return undefined;
      const found = entry(
        section === 'Parameters'
          ? definitions.parameters
          : section === 'Conditions'
            ? definitions.conditions
            : definitions.mappings,
        name,
      );
      read.set(id, found ?? null);
      if (section === 'Conditions') pending.push(found);
    }
  }
  return JSON.stringify([value, [...read.entries()].sort(([a], [b]) => a.localeCompare(b))]);
}

/** Each parameter, condition and mapping `value` names (a mapping's name when it is computed: `*`). */
function references(value: unknown): [string, string][] {
  const found: [string, string][] = [];
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) return item.forEach(visit);
    if (!isPlainObject(item)) return;
    for (const [key, inner] of Object.entries(item)) {
      if (key === 'Ref' && typeof inner === 'string') found.push(['Parameters', inner]);
      if (key === 'Condition' && typeof inner === 'string') found.push(['Conditions', inner]);
      if (key === 'Fn::If' && Array.isArray(inner) && typeof inner[0] === 'string')
        found.push(['Conditions', inner[0]]);
      if (key === 'Fn::FindInMap' && Array.isArray(inner))
        found.push(['Mappings', typeof inner[0] === 'string' ? inner[0] : '*']);
      visit(inner);
    }
  };
  visit(value);
  return found;
}

/** `section[name]`; every entry of `section` for `*` (a mapping named by an intrinsic). */
function entry(section: unknown, name: string): unknown {
  if (!isPlainObject(section)) return undefined;
  return name === '*' ? section : section[name];
}

function isIntrinsicName(name: string): boolean {
  return name === 'Ref' || name.startsWith('Fn::');
}
