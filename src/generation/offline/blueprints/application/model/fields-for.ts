import { participle } from '../../../naming/participle.js';
import { callerField } from './caller-field.js';
import { fieldType } from './field-type.js';
import type { FieldAsk, ParsedStory } from './parsed-story.js';
import type { FieldSpec } from './resource-model-types.js';
import { STATUS_WORDS } from './status-words.js';

/**
 * The owner field, then the stories' fields (required when the story that makes the item names
 * them), then the description's (optional). A story read as a create whose verb reaches a later
 * status of the lifecycle (`report a sample with a result`, where samples are `received, testing,
 * reported`), beside another create (`register a sample`), gives its fields after the item is made:
 * they are optional when it is made.
 */
export function fieldsFor(params: {
  stories: readonly ParsedStory[];
  described: readonly FieldAsk[];
  ownerField: string | undefined;
  /** The statuses an item reaches after it is made (the lifecycle past its first status). */
  laterStatuses?: ReadonlySet<string>;
}): FieldSpec[] {
  const { stories, ownerField } = params;
  const later = params.laterStatuses ?? new Set<string>();
  const reachesLater = (story: ParsedStory) => later.has(participle(story.verb));
  const makes = stories.some((story) => story.kind === 'create' && !reachesLater(story));
  const fields = new Map<string, FieldSpec>();
  if (ownerField !== undefined) fields.set(ownerField, { name: ownerField, type: 'string', required: true });
  for (const story of stories) {
    const requires = story.kind === 'create' && !(makes && reachesLater(story));
    for (const ask of story.fields) {
      const known = fields.get(ask.name);
      // The story that makes the item names it after a later one did: it is required after all.
      if (known !== undefined && requires && !known.required)
        fields.set(ask.name, { ...known, required: true });
      if (known !== undefined) continue;
      fields.set(ask.name, specOf(ask, requires));
    }
    const byCaller =
      story.toCaller === true && story.kind === 'transition' ? callerField(story.verb) : undefined;
    if (byCaller !== undefined && !fields.has(byCaller))
      fields.set(byCaller, { name: byCaller, type: 'string', required: false });
    const attribute = story.attribute;
    if (attribute !== undefined && !STATUS_WORDS.has(attribute) && !fields.has(attribute))
      fields.set(attribute, { name: attribute, type: fieldType(attribute), required: false });
    // `list tickets by priority`: the field the list is filtered by is one of the model's.
    // `list tickets assigned to me`: the field naming whom the items were assigned to, too. A field
    // the description gives (`a list of tags`) keeps the type it gives there.
    for (const filterBy of story.kind === 'list' ? [story.filterBy, story.callerFilter] : [])
      if (
        filterBy !== undefined &&
        filterBy !== 'status' &&
        !fields.has(filterBy) &&
        !params.described.some((ask) => ask.name === filterBy)
      )
        fields.set(filterBy, { name: filterBy, type: 'string', required: false });
  }
  for (const ask of params.described) {
    if (STATUS_WORDS.has(ask.name)) continue;
    const known = fields.get(ask.name);
    // A story names the field (`open a ticket with a priority`), the description its values or range.
    if (known === undefined) fields.set(ask.name, specOf(ask, false));
    else if (known.type !== 'list' && !ask.list)
      // What the description adds (values, a range, a type its words give) is kept beside the story's field.
      fields.set(ask.name, {
        ...specOf(ask, known.required),
        ...known,
        ...(ask.type !== undefined || ask.values !== undefined ? { type: specOf(ask, false).type } : {}),
      });
  }
  return [...fields.values()];
}

/** The declared field an ask gives: a list with its fewest entries, else its type, values and range. */
function specOf(ask: FieldAsk, required: boolean): FieldSpec {
  if (ask.list)
    return {
      name: ask.name,
      type: 'list',
      required,
      minItems: ask.minItems,
      ...(ask.maxItems === undefined ? {} : { maxItems: ask.maxItems }),
    };
  // Named values (`a size (small, medium or large)`) are text, whatever the name suggests.
  const type = ask.type ?? (ask.values === undefined ? fieldType(ask.name) : 'string');
  const bounds =
    type === 'number'
      ? pick(ask, ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'integer'])
      : type === 'string'
        ? pick(ask, ['minLength', 'maxLength'])
        : {};
  return {
    name: ask.name,
    type,
    required,
    ...(ask.values === undefined ? {} : { values: ask.values }),
    ...bounds,
  };
}

/** The bounds an ask gives that apply to the field's type (a length to text, a value to a number). */
function pick<K extends keyof FieldAsk>(ask: FieldAsk, keys: readonly K[]): Partial<Pick<FieldAsk, K>> {
  const picked: Partial<Pick<FieldAsk, K>> = {};
  for (const key of keys) if (ask[key] !== undefined) picked[key] = ask[key];
  return picked;
}
