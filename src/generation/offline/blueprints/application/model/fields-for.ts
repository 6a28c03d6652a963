import { callerField } from './caller-field.js';
import { fieldType } from './field-type.js';
import type { FieldAsk, ParsedStory } from './parsed-story.js';
import type { FieldSpec } from './resource-model-types.js';
import { STATUS_WORDS } from './status-words.js';

/** The owner field, then the stories' fields (required when a create story names them), then the description's (optional). */
export function fieldsFor(params: {
  stories: readonly ParsedStory[];
  described: readonly FieldAsk[];
  ownerField: string | undefined;
}): FieldSpec[] {
  const { stories, ownerField } = params;
  const fields = new Map<string, FieldSpec>();
  if (ownerField !== undefined) fields.set(ownerField, { name: ownerField, type: 'string', required: true });
  for (const story of stories) {
    for (const ask of story.fields) {
      if (fields.has(ask.name)) continue;
      fields.set(
        ask.name,
        ask.list
          ? { name: ask.name, type: 'list', required: story.kind === 'create', minItems: ask.minItems }
          : { name: ask.name, type: ask.type ?? fieldType(ask.name), required: story.kind === 'create' },
      );
    }
    const byCaller =
      story.toCaller === true && story.kind === 'transition' ? callerField(story.verb) : undefined;
    if (byCaller !== undefined && !fields.has(byCaller))
      fields.set(byCaller, { name: byCaller, type: 'string', required: false });
    const attribute = story.attribute;
    if (attribute !== undefined && !STATUS_WORDS.has(attribute) && !fields.has(attribute))
      fields.set(attribute, { name: attribute, type: fieldType(attribute), required: false });
    // `list tickets by priority`: the field the list is filtered by is one of the model's.
    // `list tickets assigned to me`: the field naming whom the items were assigned to, too.
    for (const filterBy of story.kind === 'list' ? [story.filterBy, story.callerFilter] : [])
      if (filterBy !== undefined && filterBy !== 'status' && !fields.has(filterBy))
        fields.set(filterBy, { name: filterBy, type: 'string', required: false });
  }
  for (const ask of params.described) {
    if (fields.has(ask.name) || STATUS_WORDS.has(ask.name)) continue;
    fields.set(
      ask.name,
      ask.list
        ? { name: ask.name, type: 'list', required: false, minItems: ask.minItems }
        : { name: ask.name, type: ask.type ?? fieldType(ask.name), required: false },
    );
  }
  return [...fields.values()];
}
