import { plural } from '../../../naming/plural.js';
import { capitalize } from '../../../naming/service-names.js';
import { comparedNumberFields } from './compared-number-fields.js';
import { fieldsFor } from './fields-for.js';
import { ownerFieldOf } from './owner-field-of.js';
import type { FieldAsk, ParsedStory } from './parsed-story.js';
import type { FieldSpec, Resource } from './resource-model-types.js';
import { rangedField } from './ranged-field.js';
import { statusMachine } from './status-machine.js';

/**
 * One resource of the model (`order`): its collection, fields, owner field (`customerId` for `a
 * customer's orders`), parent (`comment on a ticket`), statuses, and the event type of its status
 * changes when the request asks for them.
 */
export function resourceFor(params: {
  name: string;
  stories: readonly ParsedStory[];
  described: readonly FieldAsk[];
  parent: string | undefined;
  /**
   * Whose items are, as the description says it (`Each claim belongs to a cost centre` → `costCentre`),
   * when that owner is no resource of the model: the owner field when no story names an owner.
   */
  describedOwner?: string;
  events: boolean;
  /** The words of every story and description sentence: a field compared with an amount is one. */
  texts: readonly (readonly string[])[];
  /** Fields the description says an item must have (`missing its actor` → `actor`): required on create. */
  required?: readonly string[];
  /** The status the description says items start in (`Requests start pending`). */
  initial?: string;
  /** The statuses the description lists (`Invoices are draft, sent, paid or void.`), in order. */
  lifecycle?: readonly string[];
}): Resource {
  const { name, stories, parent } = params;
  const pascal = capitalize(name);
  const owner =
    stories.find((story) => story.owner !== undefined && story.owner !== name && story.owner !== parent)
      ?.owner ?? params.describedOwner;
  const ownerField = owner === undefined ? undefined : ownerFieldOf(owner);
  const status = statusMachine({
    stories,
    events: params.events,
    filtered: parent === undefined,
    ...(params.initial === undefined ? {} : { initial: params.initial }),
    ...(params.lifecycle === undefined ? {} : { lifecycle: params.lifecycle }),
  });
  const required = new Set(params.required ?? []);
  const fields = numbersCompared(
    fieldsFor({
      stories,
      described: params.described,
      ownerField,
      laterStatuses: new Set((params.lifecycle ?? []).filter((listed) => listed !== status?.initial)),
    }),
    params.texts,
  );
  return {
    name,
    pascal,
    collection: collectionOf(name),
    fields: timed(
      stories,
      fields.map((field) => (required.has(lastWord(field.name)) ? { ...field, required: true } : field)),
    ),
    ...(ownerField === undefined ? {} : { ownerField }),
    ...(parent === undefined
      ? {}
      : { parent: { name: parent, collection: collectionOf(parent), field: `${parent}Id` } }),
    ...(status === undefined ? {} : { status }),
    ...(params.events ? { statusEventType: `${pascal}StatusChanged` } : {}),
  };
}

/**
 * Names of fields that hold a moment (`dueDate`, `issuedAt`, `deadline`, `startTime`). A bare `time`
 * or a `cookingTime` is as often a duration (`a time in minutes`), so only the times of a start, an
 * end or an arrival are moments.
 */
const MOMENT =
  /^(?:date|deadline|[a-z][A-Za-z0-9]*(?:Date|At|Deadline)|(?:start|end|begin|finish|arrival|departure|pickup|delivery|due|opening|closing|meeting|appointment|booking|event|release|expiry|reminder|checkIn|checkOut)Time)$/;

/**
 * `list entries between two dates`: the field the range reads holds ISO 8601 date-times; so does a
 * text field whose name says it is a moment (`a start time` → `startTime`, `a due date` → `dueDate`).
 */
function timed(stories: readonly ParsedStory[], fields: readonly FieldSpec[]): FieldSpec[] {
  const ranged = stories.some((story) => story.kind === 'list' && story.timeRange !== undefined)
    ? rangedField(fields)
    : undefined;
  return fields.map((field) =>
    field.name === ranged ||
    (field.type === 'string' && field.values === undefined && MOMENT.test(field.name))
      ? { ...field, format: 'date-time' }
      : field,
  );
}

/** `targetUrl` → `url`: the word a sentence names a field by. */
function lastWord(name: string): string {
  return (name.split(/(?=[A-Z])/).at(-1) ?? name).toLowerCase();
}

/** `order` → `orders`, `leaveRequest` → `leave-requests`: the path segment and table partition. */
function collectionOf(name: string): string {
  const words = name.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
  return [...words.slice(0, -1), plural(words.at(-1) ?? name)].join('-');
}

/** `whose quantity is below the reorder level`: the reorder level is a number too. */
function numbersCompared(fields: readonly FieldSpec[], texts: readonly (readonly string[])[]): FieldSpec[] {
  const compared = comparedNumberFields({ fields, texts });
  return fields.map((field) => (compared.has(field.name) ? { ...field, type: 'number' } : field));
}
