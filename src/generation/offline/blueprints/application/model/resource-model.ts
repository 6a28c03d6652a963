import type { BlueprintInput } from '../../../blueprint-input.js';
import { defaultIntents, subjectNoun } from '../../../naming/default-intents.js';
import { participle } from '../../../naming/participle.js';
import { plural } from '../../../naming/plural.js';
import { capitalize } from '../../../naming/service-names.js';
import { singular } from '../../../naming/singular.js';
import { asksForStatusEvents } from './asks-for-status-events.js';
import { callerField } from './caller-field.js';
import { callerLists } from './caller-lists.js';
import { returningVerb } from './returning-verb.js';
import { camel, parseStory } from './parse-story.js';
import type { FieldAsk, ParsedStory } from './parse-story.js';
import { descriptionFields } from './description-fields.js';
import { fieldAttributes } from './field-attributes.js';
export { callerField } from './caller-field.js';
import type {
  FieldSpec,
  ListFilter,
  Operation,
  OperationKind,
  Resource,
  ResourceModel,
  StatusMachine,
} from './resource-model-types.js';

const NUMBER_FIELDS = new Set([
  'quantity',
  'amount',
  'price',
  'total',
  'count',
  'number',
  'cost',
  'age',
  'weight',
  'size',
  'score',
  'rating',
  'duration',
  'limit',
  'percentage',
  'balance',
  'stock',
  'threshold',
  'capacity',
]);
const STATUS_WORDS = new Set(['status', 'state', 'progress']);
const TERMINAL = new Set([
  'cancelled',
  'rejected',
  'closed',
  'archived',
  'refunded',
  'voided',
  'withdrawn',
  'expired',
  'deleted',
  'declined',
  'revoked',
]);
/** What a story may do to an owner's attribute without the attribute becoming a resource. */
const ATTRIBUTE_KINDS = new Set<OperationKind>(['read', 'update']);
const KIND_ORDER: readonly OperationKind[] = ['create', 'read', 'list', 'update', 'transition', 'delete'];
const DEFAULT_VERBS = ['create', 'view', 'list', 'update', 'delete'];

/**
 * Derives the application's one resource model from the request: its resources (the stories'
 * objects), their declared fields and types, owners, the statuses the stories move them through, and
 * one route per story on that model. Every resource also gets the routes the stories need to connect:
 * a create (something must write what the stories read) and a read back by id.
 */
export function resourceModel(input: BlueprintInput): ResourceModel {
  const intents = input.stories.length > 0 ? input.stories : defaultIntents(input.names, DEFAULT_VERBS);
  const eventStories = intents.filter((intent) => asksForStatusEvents(wordsOfText(intent.text)));
  const listed = new Set([
    ...input.descriptionSentences.flatMap((sentence) => wordsOfText(sentence.text)),
    ...intents.flatMap((intent) => wordsOfText(intent.text)),
  ]);
  const parsed = fieldAttributes({
    stories: attributesOfOwners(
      callerLists(
        intents
          .filter((intent) => !eventStories.includes(intent))
          .map(parseStory)
          .map((story) => namedTransition(story, listed)),
      ),
    ),
    sentences: input.descriptionSentences,
    kinds: ATTRIBUTE_KINDS,
  });
  const nouns = unique(parsed.flatMap((story) => (story.noun === undefined ? [] : [story.noun])));
  const subject = singular(subjectNoun(input.names));
  const primary = nouns.includes(subject)
    ? subject
    : (parsed.find((story) => story.kind === 'create' && story.noun !== undefined)?.noun ??
      nouns[0] ??
      subject);
  const stories = parsed.map((story) => (story.collective ? { ...story, noun: primary } : story));
  const parents = parentsOf(stories);
  const names = unique([
    ...nouns,
    ...(nouns.length === 0 || stories.some((story) => story.collective) ? [primary] : []),
    ...parents.values(),
  ]);
  const eventClauses = [
    ...input.descriptionSentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.words)),
    ...eventStories.map((intent) => wordsOfText(intent.text)),
  ].filter(asksForStatusEvents);
  const described = descriptionFields(input.descriptionSentences, names);
  const resources = names.map((name) =>
    resourceFor({
      name,
      described: described.filter((entry) => entry.resource === name).flatMap((entry) => entry.fields),
      parent: parents.get(name),
      stories: stories.filter((story) => story.noun === name),
      events: eventClauses.some(
        (words) =>
          mentions(words, name) || (name === primary && !names.some((other) => mentions(words, other))),
      ),
    }),
  );
  return {
    resources,
    operations: resources.flatMap((resource) =>
      operationsFor(
        resource,
        stories,
        input.descriptionSentences.map((sentence) => wordsOfText(sentence.text)),
      ),
    ),
    stories,
    eventStories,
    descriptionFields: described,
  };
}

/**
 * `pay for an order` is a status route (POST /orders/{id}/pay → `paid`) when the request lists that
 * status (`placed, paid, shipped`) somewhere; otherwise the `for` phrase names no object the story
 * acts on, and the story names nothing the API could act on.
 */
function namedTransition(story: ParsedStory, listed: ReadonlySet<string>): ParsedStory {
  if (story.objectAfterFor !== true || listed.has(participle(story.verb))) return story;
  const { noun: _noun, ...rest } = story;
  return rest;
}

/**
 * `see a product's stock level`, where products are created and stock levels are not: a read of the
 * product's `stockLevel`, not a resource of its own that nothing would ever write. Likewise a change
 * (`change a ticket's priority`): the ticket's `priority` is updated, not a `priority` resource.
 */
function attributesOfOwners(stories: readonly ParsedStory[]): ParsedStory[] {
  const created = new Set(
    stories.flatMap((story) => (story.kind === 'create' && story.noun !== undefined ? [story.noun] : [])),
  );
  return stories.map((story) => {
    const { owner, possessed, noun } = story;
    if (!ATTRIBUTE_KINDS.has(story.kind) || owner === undefined || possessed === undefined) return story;
    if (!created.has(owner) || noun === undefined || created.has(noun)) return story;
    const { owner: _owner, possessed: _possessed, ...rest } = story;
    return { ...rest, noun: owner, attribute: STATUS_WORDS.has(noun) ? noun : possessed };
  });
}

function resourceFor(params: {
  name: string;
  stories: readonly ParsedStory[];
  described: readonly FieldAsk[];
  parent: string | undefined;
  events: boolean;
}): Resource {
  const { name, stories, parent } = params;
  const pascal = capitalize(name);
  const owner = stories.find(
    (story) => story.owner !== undefined && story.owner !== name && story.owner !== parent,
  )?.owner;
  const ownerField = owner === undefined ? undefined : `${camel([owner])}Id`;
  const status = statusMachine({ stories, events: params.events, filtered: parent === undefined });
  return {
    name,
    pascal,
    collection: plural(name),
    fields: fieldsFor({ stories, described: params.described, ownerField }),
    ...(ownerField === undefined ? {} : { ownerField }),
    ...(parent === undefined
      ? {}
      : { parent: { name: parent, collection: plural(parent), field: `${camel([parent])}Id` } }),
    ...(status === undefined ? {} : { status }),
    ...(params.events ? { statusEventType: `${pascal}StatusChanged` } : {}),
  };
}

/** The owner field, then the stories' fields (required when a create story names them), then the description's (optional). */
function fieldsFor(params: {
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
          : { name: ask.name, type: typeOf(ask.name), required: story.kind === 'create' },
      );
    }
    const byCaller =
      story.toCaller === true && story.kind === 'transition' ? callerField(story.verb) : undefined;
    if (byCaller !== undefined && !fields.has(byCaller))
      fields.set(byCaller, { name: byCaller, type: 'string', required: false });
    const attribute = story.attribute;
    if (attribute !== undefined && !STATUS_WORDS.has(attribute) && !fields.has(attribute))
      fields.set(attribute, { name: attribute, type: typeOf(attribute), required: false });
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
        : { name: ask.name, type: typeOf(ask.name), required: false },
    );
  }
  return [...fields.values()];
}

/** `filtered`: a list of this resource can be filtered (it is not made under a parent), so a listed state is a status. */
function statusMachine(params: {
  stories: readonly ParsedStory[];
  events: boolean;
  filtered: boolean;
}): StatusMachine | undefined {
  const { stories, events } = params;
  const filters = params.filtered ? stories : [];
  const transitions = stories.filter((story) => story.kind === 'transition');
  const refused = unique(
    stories.flatMap((story) => [
      ...story.refusedFrom.map(statusName),
      ...(story.onlyIn === undefined ? [] : [story.onlyIn]),
    ]),
  );
  const listed = unique(
    filters.flatMap((story) => (story.stateFilter === undefined ? [] : [story.stateFilter])),
  );
  const asked =
    events ||
    transitions.length > 0 ||
    refused.length > 0 ||
    listed.length > 0 ||
    stories.some((story) => STATUS_WORDS.has(story.attribute ?? '')) ||
    filters.some((story) => story.kind === 'list' && story.filterBy === 'status');
  if (!asked) return undefined;
  const creator = stories.find((story) => story.kind === 'create');
  const initial = creator === undefined ? 'created' : participle(creator.verb);
  const actions = unique(transitions.map((story) => story.verb));
  // A story that names its state (`mark a ticket in progress`) sets that state; others the verb's participle.
  const named = (action: string) =>
    transitions.find((story) => story.verb === action && story.state !== undefined)?.state;
  const plain = new Map(actions.map((action) => [action, named(action) ?? participle(action)]));
  // `reopen a closed ticket`: back to the status it was made in, not a `reopened` no filter lists.
  const returning = new Map(
    actions.flatMap((action) => {
      const back =
        named(action) === undefined
          ? returningVerb({
              verb: action,
              creator: creator?.verb,
              initial,
              targets: new Map([...plain].filter(([other]) => other !== action)),
            })
          : undefined;
      return back === undefined ? [] : [[action, back] as const];
    }),
  );
  const targetOf = (action: string) => returning.get(action)?.to ?? plain.get(action) ?? participle(action);
  const targets = actions.map(targetOf);
  const left = new Set([...returning.values()].flatMap((back) => back.leaves));
  return {
    initial,
    transitions: actions.map((action) => ({ action, to: targetOf(action) })),
    terminal: unique(targets).filter(
      (target) => TERMINAL.has(target) && !left.has(target) && !startsFrom(transitions, target),
    ),
    setElsewhere: unique([...refused, ...listed]).filter(
      (status) => status !== initial && !targets.includes(status),
    ),
  };
}

/**
 * A transition story that names the status it starts from (`reopen a closed ticket`) leaves that
 * status, so it is not final; a status the story refuses (`close a ticket that is not cancelled`) is
 * not one it starts from.
 */
function startsFrom(transitions: readonly ParsedStory[], status: string): boolean {
  return transitions.some(
    (story) =>
      participle(story.verb) !== status &&
      !story.refusedFrom.map(statusName).includes(status) &&
      wordsOfText(story.intent.text).includes(status),
  );
}

/**
 * `cancel an order that has not shipped`, where the description lists the lifecycle in order
 * (`placed, paid, shipped, delivered, cancelled`): an order past shipped has shipped too, so the
 * statuses listed after it are refused as well (not the one the route itself sets). Without such a
 * list (three statuses of the model or more, in one sentence) the order is unknown and only the
 * named status is refused.
 */
function withLaterStatuses(params: {
  refused: readonly string[];
  resource: Resource;
  own: string | undefined;
  sentences: readonly (readonly string[])[];
}): string[] {
  const { resource, refused } = params;
  const machine = resource.status;
  if (machine === undefined || refused.length === 0) return [...refused];
  const known = new Set([machine.initial, ...machine.transitions.map((transition) => transition.to)]);
  const own = machine.transitions.find((transition) => transition.action === params.own)?.to;
  const later = params.sentences.flatMap((words) => {
    const listed = unique(words.filter((word) => known.has(word)));
    if (listed.length < 3) return [];
    const first = Math.min(...refused.map((status) => listed.indexOf(status)).filter((index) => index >= 0));
    return Number.isFinite(first) ? listed.slice(first + 1) : [];
  });
  return unique([...refused, ...later.filter((status) => status !== own)]);
}

/**
 * Each child noun's parent (`comment on a ticket` → comment: ticket), one level deep: a parent that is
 * itself made under another keeps flat routes, so every create needs one existing item at most.
 */
function parentsOf(stories: readonly ParsedStory[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const story of stories)
    if (
      story.noun !== undefined &&
      story.parent !== undefined &&
      story.parent !== story.noun &&
      !found.has(story.noun)
    )
      found.set(story.noun, story.parent);
  return new Map([...found].filter(([, parent]) => !found.has(parent)));
}

function operationsFor(
  resource: Resource,
  stories: readonly ParsedStory[],
  sentences: readonly (readonly string[])[],
): Operation[] {
  const byKey = new Map<string, { kind: OperationKind; action?: string; stories: ParsedStory[] }>();
  const add = (kind: OperationKind, action: string | undefined, story?: ParsedStory) => {
    const key = resourceRouteKey(resource, kind, action);
    const entry = byKey.get(key) ?? { kind, ...(action === undefined ? {} : { action }), stories: [] };
    if (story !== undefined) entry.stories.push(story);
    byKey.set(key, entry);
  };
  for (const story of stories.filter((candidate) => candidate.noun === resource.name))
    add(story.kind, story.kind === 'transition' ? story.verb : undefined, story);
  add('create', undefined);
  add('read', undefined);
  // What is made under a parent is read back under it too.
  if (resource.parent !== undefined) add('list', undefined);
  return [...byKey.entries()]
    .map(([key, entry]) => ({
      kind: entry.kind,
      resource: resource.name,
      ...(entry.action === undefined ? {} : { action: entry.action }),
      ...(resource.parent !== undefined && (entry.kind === 'create' || entry.kind === 'list')
        ? { parent: resource.parent.name }
        : {}),
      routeKey: key,
      logicalId: logicalIdOf(key),
      stories: entry.stories,
      refusedFrom: withLaterStatuses({
        refused: unique(entry.stories.flatMap((story) => story.refusedFrom.map(statusName))),
        resource,
        own: entry.action,
        sentences,
      }),
      // Qualified only when every story of the route is (`delete a closed ticket`, not also `remove any ticket`).
      onlyIn:
        entry.stories.length > 0 && entry.stories.every((story) => story.onlyIn !== undefined)
          ? unique(entry.stories.flatMap((story) => (story.onlyIn === undefined ? [] : [story.onlyIn])))
          : [],
      ...(entry.kind === 'transition' && entry.stories.some((story) => story.toCaller === true)
        ? { callerField: callerField(entry.action ?? '') }
        : {}),
      filters: entry.kind === 'list' ? listFilters(resource, entry.stories) : [],
      // Restricted only when every story of the route is (`As an admin I can delete`, not also `As a clerk I can delete`).
      roles:
        entry.stories.length > 0 && entry.stories.every((story) => story.restriction.role !== undefined)
          ? unique(
              entry.stories.flatMap((story) =>
                story.restriction.role === undefined ? [] : [story.restriction.role],
              ),
            )
          : [],
    }))
    .sort((left, right) => KIND_ORDER.indexOf(left.kind) - KIND_ORDER.indexOf(right.kind));
}

/**
 * The filters a list's stories name: a state (`list open tickets`) or `by status` filter on the item's
 * status, its values every status of the model; `by priority` on that declared string field. A filter
 * on a field that is not free text (a number, a list), or on a list under a parent, is not made; the
 * story says so.
 */
function listFilters(resource: Resource, stories: readonly ParsedStory[]): ListFilter[] {
  // Under a parent (`GET /tickets/{id}/comments`) the list is the parent's; no filter is made there.
  if (resource.parent !== undefined) return [];
  const machine = resource.status;
  const statuses =
    machine === undefined
      ? []
      : unique([
          machine.initial,
          ...machine.transitions.map((transition) => transition.to),
          ...machine.setElsewhere,
        ]);
  const fields = unique(
    stories.flatMap((story) => [
      ...(story.stateFilter === undefined ? [] : ['status']),
      ...(story.filterBy === undefined ? [] : [story.filterBy]),
      ...(story.callerFilter === undefined ? [] : [story.callerFilter]),
    ]),
  );
  const asked = (field: string) =>
    unique(
      stories.flatMap((story) =>
        story.filterBy === field && story.filterValue !== undefined ? [story.filterValue] : [],
      ),
    );
  const byCaller = unique(
    stories.flatMap((story) => (story.callerFilter === undefined ? [] : [story.callerFilter])),
  );
  return fields.flatMap((field): ListFilter[] => {
    if (field === 'status') return machine === undefined ? [] : [{ field, values: statuses }];
    const spec = resource.fields.find((candidate) => candidate.name === field);
    if (spec?.type !== 'string' || field === resource.ownerField) return [];
    const values = asked(field);
    return [
      {
        field,
        ...(byCaller.includes(field) ? { caller: true as const } : {}),
        ...(values.length === 0 ? {} : { asked: values }),
      },
    ];
  });
}

export function routeKey(collection: string, kind: OperationKind, action?: string): string {
  const shapes: Readonly<Record<OperationKind, string>> = {
    create: `POST /${collection}`,
    read: `GET /${collection}/{id}`,
    list: `GET /${collection}`,
    update: `PATCH /${collection}/{id}`,
    delete: `DELETE /${collection}/{id}`,
    transition: `POST /${collection}/{id}/${action ?? 'act'}`,
  };
  return shapes[kind];
}

/** A route of a resource: creates and lists of a child resource sit under its parent (`POST /tickets/{id}/comments`). */
export function resourceRouteKey(resource: Resource, kind: OperationKind, action?: string): string {
  const parent = resource.parent;
  if (parent !== undefined && (kind === 'create' || kind === 'list'))
    return `${kind === 'create' ? 'POST' : 'GET'} /${parent.collection}/{id}/${resource.collection}`;
  return routeKey(resource.collection, kind, action);
}

function logicalIdOf(key: string): string {
  return `Route${key
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .map(capitalize)
    .join('')}`;
}

/** `shipped`, `paid` stay; `ships` → `shipped`. */
function statusName(word: string): string {
  return /(?:ed|en|id|nt)$/.test(word) || word === 'open' || word.includes('_')
    ? word
    : participle(word.replace(/s$/, ''));
}

/** A number when the field's last word names an amount (`quantity`, `unitPrice`, `reorderThreshold`). */
function typeOf(name: string): FieldSpec['type'] {
  const last = name.split(/(?=[A-Z])/).at(-1) ?? name;
  return NUMBER_FIELDS.has(last.toLowerCase()) ? 'number' : 'string';
}

function mentions(words: readonly string[], name: string): boolean {
  return words.some((word) => word === name || word === plural(name));
}

function wordsOfText(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
