import { plural } from '../../../naming/plural.js';
import { camel } from './camel.js';
import type { DescriptionFields } from './description-fields.js';
import type { ParsedStory } from './parsed-story.js';

/**
 * `look up a product by its SKU`, `list products by tag`: `by` names a field of the item (one a story
 * or the description gives it), not whom the item belongs to (no owner `skuId` beside `sku`). A read
 * of one item by such a field is a lookup, a list filtered by it (`GET /products?sku=…`), marked
 * `naturalKey`; a list is filtered by it. `described`: the description's fields per resource.
 */
export function naturalKeys(
  stories: readonly ParsedStory[],
  described: readonly DescriptionFields[],
): ParsedStory[] {
  const fieldsOf = (noun: string) => [
    ...stories.flatMap((story) => (story.noun === noun ? story.fields.map((field) => field.name) : [])),
    ...described.flatMap((entry) => (entry.resource === noun ? entry.fields.map((field) => field.name) : [])),
  ];
  return stories.map((story) => {
    const { owner, noun } = story;
    if ((story.kind !== 'read' && story.kind !== 'list') || noun === undefined) return story;
    if (owner === undefined) return byNamedField(story, fieldsOf(noun));
    if (story.ownerIsSelf) return story;
    const field = fieldsOf(noun).find((name) => name === owner || name === plural(owner));
    if (field === undefined) return story;
    const { owner: _owner, ...rest } = story;
    return story.kind === 'read'
      ? { ...rest, kind: 'list', filterBy: field, naturalKey: field }
      : { ...rest, filterBy: field };
  });
}

/** Words between `by` and the field it names (`by its plate number`, `by the author`). */
const DETERMINERS = new Set(['its', 'their', 'the', 'a', 'an']);
/** The most words a field's name spans (`plate number`, `vehicle registration number`). */
const MOST_FIELD_WORDS = 3;

/**
 * `look up a permit by its plate number`, where permits have a plate number: the unread `by` phrase
 * names a field of the item (its words, camelCased, are one of `fields`), so the read is a lookup by
 * it, as an owner-like `by its SKU` is. The story unchanged when the phrase names no such field.
 */
function byNamedField(story: ParsedStory, fields: readonly string[]): ParsedStory {
  const words = story.unused;
  const at = words.indexOf('by');
  if (at === -1) return story;
  const start = DETERMINERS.has(words[at + 1] ?? '') ? at + 2 : at + 1;
  for (let length = MOST_FIELD_WORDS; length >= 1; length -= 1) {
    const phrase = words.slice(start, start + length);
    if (phrase.length < length) continue;
    const field = camel(phrase);
    if (!fields.includes(field)) continue;
    const unused = [...words.slice(0, at), ...words.slice(start + length)];
    return story.kind === 'read'
      ? { ...story, kind: 'list', filterBy: field, naturalKey: field, unused }
      : { ...story, filterBy: field, unused };
  }
  return story;
}
