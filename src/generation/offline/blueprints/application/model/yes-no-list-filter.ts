import type { DescriptionFields } from './description-fields.js';
import type { ParsedStory } from './parsed-story.js';

/** A state word that is the negation of a yes/no field (`disabled` flags are those not `enabled`). */
const OPPOSITES: Readonly<Record<string, string>> = {
  disabled: 'enabled',
  inactive: 'active',
  off: 'on',
};

/**
 * `list enabled flags`, where flags have `whether it is enabled`: the adjective names the declared
 * yes/no field, not a status, so the list is filtered on that field (`GET /flags?enabled=true`);
 * `list disabled flags` on the same field keeps those with `false`. Only a list whose state word is
 * a boolean field of the noun (or its opposite, OPPOSITES); the story unchanged otherwise.
 */
export function yesNoListFilter(story: ParsedStory, described: readonly DescriptionFields[]): ParsedStory {
  const state = story.stateFilter;
  if (story.kind !== 'list' || state === undefined || story.noun === undefined) return story;
  const booleans = described
    .filter((entry) => entry.resource === story.noun)
    .flatMap((entry) => entry.fields.filter((field) => field.type === 'boolean').map((field) => field.name));
  const opposite = OPPOSITES[state];
  const field = booleans.includes(state)
    ? state
    : opposite !== undefined && booleans.includes(opposite)
      ? opposite
      : undefined;
  if (field === undefined) return story;
  const { stateFilter: _state, ...rest } = story;
  return { ...rest, filterBy: field, filterValue: field === state ? 'true' : 'false' };
}
