import type { DescriptionFields } from './description-fields.js';
import type { ParsedStory } from './parsed-story.js';
import type { FieldSetting } from './resource-model-types.js';

/**
 * Verbs that set or flip a yes/no field rather than move a status: the fields each prefers, first
 * found wins, and the value each field is set to (`toggle` flips it).
 */
const FLIPS: Readonly<Record<string, readonly (readonly [string, FieldSetting['to']])[]>> = {
  toggle: [
    ['enabled', 'toggle'],
    ['active', 'toggle'],
    ['on', 'toggle'],
  ],
  flip: [
    ['enabled', 'toggle'],
    ['active', 'toggle'],
    ['on', 'toggle'],
  ],
  switch: [
    ['enabled', 'toggle'],
    ['active', 'toggle'],
    ['on', 'toggle'],
  ],
  enable: [
    ['enabled', true],
    ['active', true],
    ['disabled', false],
  ],
  disable: [
    ['enabled', false],
    ['disabled', true],
    ['active', false],
  ],
  activate: [
    ['active', true],
    ['enabled', true],
  ],
  deactivate: [
    ['active', false],
    ['enabled', false],
  ],
};

/**
 * `enable a flag`, `toggle a flag`, where flags have `whether it is enabled`: the service sets that
 * yes/no field itself (`POST /flags/{id}/enable` makes `enabled` true, `toggle` flips it), so one
 * concept has one representation: not a status `enabled` beside the field, nor a field the client
 * must send. The field is the one the verb names among the resource's boolean fields, else its only
 * boolean field (set as the verb's first preference says); a flip verb on a resource with no boolean
 * field is left as it was (a status move).
 */
export function flipVerbs(
  stories: readonly ParsedStory[],
  described: readonly DescriptionFields[],
): ParsedStory[] {
  return stories.map((story) => {
    if (story.kind !== 'transition' || FLIPS[story.verb] === undefined || story.noun === undefined)
      return story;
    const booleans = described
      .filter((entry) => entry.resource === story.noun)
      .flatMap((entry) =>
        entry.fields.filter((field) => field.type === 'boolean').map((field) => field.name),
      );
    const sets = flipSetting(story.verb, booleans);
    return sets === undefined ? story : { ...story, kind: 'set', attribute: sets.field, sets };
  });
}

/**
 * What a flip verb (`enable`, `toggle`) does to a resource with these yes/no fields: the field the
 * verb names among them (set as FLIPS says), else the only one (set as the verb's first preference
 * says); undefined for another verb, or when neither is found.
 */
export function flipSetting(verb: string, booleans: readonly string[]): FieldSetting | undefined {
  const preferred = FLIPS[verb];
  if (preferred === undefined) return undefined;
  const named = preferred.find(([name]) => booleans.includes(name));
  if (named !== undefined) return { field: named[0], to: named[1] };
  const only = booleans.length === 1 ? booleans[0] : undefined;
  return only !== undefined && preferred[0] !== undefined ? { field: only, to: preferred[0][1] } : undefined;
}
