import { plural } from '../../../naming/plural.js';
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
    if ((story.kind !== 'read' && story.kind !== 'list') || owner === undefined || noun === undefined)
      return story;
    if (story.ownerIsSelf) return story;
    const field = fieldsOf(noun).find((name) => name === owner || name === plural(owner));
    if (field === undefined) return story;
    const { owner: _owner, ...rest } = story;
    return story.kind === 'read'
      ? { ...rest, kind: 'list', filterBy: field, naturalKey: field }
      : { ...rest, filterBy: field };
  });
}
