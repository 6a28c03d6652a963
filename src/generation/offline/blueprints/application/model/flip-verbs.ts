import type { DescriptionFields } from './description-fields.js';
import type { ParsedStory } from './parsed-story.js';

/** Verbs that flip a yes/no field rather than move a status; the fields each prefers, first found wins. */
const FLIPS: Readonly<Record<string, readonly string[]>> = {
  toggle: ['enabled', 'active', 'on'],
  flip: ['enabled', 'active', 'on'],
  switch: ['enabled', 'active', 'on'],
  enable: ['enabled', 'active'],
  disable: ['enabled', 'disabled', 'active'],
  activate: ['active', 'enabled'],
  deactivate: ['active', 'enabled'],
};

/**
 * `toggle a flag`, where each flag has `whether it is enabled`: a change of that yes/no field (the
 * update route sets it), not a one-way status `toggled` a second toggle would refuse. The field is
 * the one the verb names among the resource's boolean fields, else its only boolean field; a flip
 * verb on a resource with no boolean field is left as it was (a status move).
 */
export function flipVerbs(
  stories: readonly ParsedStory[],
  described: readonly DescriptionFields[],
): ParsedStory[] {
  return stories.map((story) => {
    const preferred = FLIPS[story.verb];
    if (story.kind !== 'transition' || preferred === undefined || story.noun === undefined) return story;
    const booleans = described
      .filter((entry) => entry.resource === story.noun)
      .flatMap((entry) =>
        entry.fields.filter((field) => field.type === 'boolean').map((field) => field.name),
      );
    const field =
      preferred.find((name) => booleans.includes(name)) ?? (booleans.length === 1 ? booleans[0] : undefined);
    return field === undefined ? story : { ...story, kind: 'update', attribute: field };
  });
}
