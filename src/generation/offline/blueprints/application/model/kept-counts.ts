import type { StoryIntent } from '../../../naming/story-intent.js';
import { isPlural, singular } from '../../../naming/singular.js';
import type { FieldSpec, Resource } from './resource-model-types.js';
import { verbsOfKind } from './verb-kind.js';

/**
 * The act a number field counts (`votes` → `vote`, `voteCount` → `vote`, `likes` → `like`), or
 * undefined for a field that names no act counted (`servings`, `capacity`).
 */
function countedAct(field: FieldSpec): string | undefined {
  if (field.type !== 'number') return undefined;
  const words = field.name.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
  const last = words.at(-1) ?? '';
  if (words.length === 2 && (last === 'count' || last === 'total')) return words[0];
  return words.length === 1 && isPlural(last) ? singular(last) : undefined;
}

/**
 * The stories that act on the resource by the act its field counts (`As a customer I can vote for an
 * idea` for an idea's `votes`): each such act is one more, so the count is the service's to keep.
 */
export function countingStories(
  field: FieldSpec,
  resource: Resource,
  intents: readonly StoryIntent[],
): StoryIntent[] {
  const act = countedAct(field);
  // `view a product` beside `a number of views` reads the item: a read asks for no count kept.
  if (act === undefined || verbsOfKind('read').includes(act)) return [];
  const names = new Set([resource.name.toLowerCase(), resource.collection.toLowerCase()]);
  return intents.filter(
    (intent) =>
      intent.verb === act &&
      intent.actionWords.slice(1).some((word) => names.has(word) || names.has(singular(word))),
  );
}

/**
 * `Each idea has … a number of votes` beside `As a customer I can vote for an idea`: the count is the
 * service's (`counter`), not the client's: it starts at 0 when the item is made and no create or
 * update may set it (400), so no client posts `{"votes": 1000000}`. Other fields are as they were.
 */
export function keptCounts(resources: readonly Resource[], intents: readonly StoryIntent[]): Resource[] {
  return resources.map((resource) => ({
    ...resource,
    fields: resource.fields.map((field) =>
      countingStories(field, resource, intents).length === 0
        ? field
        : { ...field, required: false, counter: true as const },
    ),
  }));
}
