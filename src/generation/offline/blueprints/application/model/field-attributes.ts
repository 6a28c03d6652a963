import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { camel } from './camel.js';
import { descriptionFields } from './description-fields.js';
import type { ParsedStory } from './parsed-story.js';

const STATUS_WORDS = new Set(['status', 'state', 'progress']);

/**
 * Stories that name a field of a resource the request declares, read as that field
 * (`place an order with an address`, where orders have a shipping address, gives `shippingAddress`):
 * `change the shipping address of an order`, where orders have a shipping address, changes
 * `shippingAddress` (and `change the address of an order` too, when it is the order's one address
 * field); `update the delivery address`, where only orders have a delivery address and nothing makes
 * addresses, changes the order's `deliveryAddress` rather than making an `address` resource.
 */
export function fieldAttributes(params: {
  stories: readonly ParsedStory[];
  sentences: readonly DescriptionSentence[];
  /** Kinds of story that may act on a field without it becoming a resource (`read`, `update`). */
  kinds: ReadonlySet<ParsedStory['kind']>;
}): ParsedStory[] {
  const { stories } = params;
  const created = [
    ...new Set(
      stories.flatMap((story) => (story.kind === 'create' && story.noun !== undefined ? [story.noun] : [])),
    ),
  ];
  const described = descriptionFields(params.sentences, created);
  const describedOf = (name: string) =>
    described.flatMap((entry) => (entry.resource === name ? entry.fields.map((field) => field.name) : []));
  // `place an order with an address`, where orders have a shipping address: that field, not a second one.
  const withFields = stories.map((story) => {
    const fields = describedOf(story.noun ?? '');
    return {
      ...story,
      fields: story.fields.map((ask) => ({ ...ask, name: matchingField(ask.name, fields) ?? ask.name })),
    };
  });
  const fieldsOf = new Map(
    created.map((name) => [
      name,
      [
        ...withFields.flatMap((story) =>
          story.noun === name ? story.fields.map((field) => field.name) : [],
        ),
        ...describedOf(name),
      ],
    ]),
  );
  return withFields.map((story) => {
    const { noun, attribute } = story;
    if (!params.kinds.has(story.kind) || noun === undefined) return story;
    if (attribute !== undefined && !STATUS_WORDS.has(attribute)) {
      const field = matchingField(attribute, fieldsOf.get(noun) ?? []);
      return field === undefined || field === attribute ? story : { ...story, attribute: field };
    }
    if (attribute !== undefined || story.owner !== undefined || created.includes(noun)) return story;
    const named = camel(story.intent.objectWords);
    const owners = [...fieldsOf].flatMap(([owner, fields]) => {
      const field = matchingField(named, fields);
      return field === undefined ? [] : [{ owner, field }];
    });
    const [only] = owners;
    return only === undefined || owners.length > 1
      ? story
      : { ...story, noun: only.owner, attribute: only.field };
  });
}

/**
 * The field a name means: itself, or for a one-word name the one field ending in it (`address` →
 * `shippingAddress`); a name of two words is a field of its own (`billingAddress` is not `shippingAddress`).
 */
function matchingField(name: string, fields: readonly string[]): string | undefined {
  if (fields.includes(name)) return name;
  if (/[A-Z]/.test(name)) return undefined;
  const last = (word: string) => (word.split(/(?=[A-Z])/).at(-1) ?? word).toLowerCase();
  const sharing = [...new Set(fields.filter((field) => last(field) === last(name)))];
  return sharing.length === 1 ? sharing[0] : undefined;
}
