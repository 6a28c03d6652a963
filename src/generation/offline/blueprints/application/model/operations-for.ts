import { callerField } from './caller-field.js';
import { recordsRecipient } from './recipient-move.js';
import { listFilters } from './list-filters.js';
import { logicalIdOf } from './logical-id-of.js';
import type { ParsedStory } from './parsed-story.js';
import type { FieldSetting, ListFilter, Operation, OperationKind, Resource } from './resource-model-types.js';
import { resourceRouteKey } from './resource-route-key.js';
import { statusName } from './status-name.js';
import { unique } from './unique.js';
import { withLaterStatuses } from './with-later-statuses.js';
import { describedRestriction } from './story-restriction.js';
import type { DescribedRestriction } from './story-restriction.js';
import { singular } from '../../../naming/singular.js';
import { verbForms } from '../../../naming/verb-forms.js';
import { verbsOfKind } from './verb-kind.js';

const KIND_ORDER: readonly OperationKind[] = [
  'create',
  'read',
  'list',
  'update',
  'set',
  'transition',
  'delete',
  'redirect',
  'count',
];

/**
 * A resource's routes: one per kind (and per action of a transition) its stories ask for, plus the
 * create and read back every resource needs to connect, and a list under its parent for a child.
 * `sentences`: the description's words, where a lifecycle listed in order extends a refusal.
 */
export function operationsFor(
  resource: Resource,
  stories: readonly ParsedStory[],
  sentences: readonly (readonly string[])[],
): Operation[] {
  const byKey = new Map<
    string,
    { kind: OperationKind; action?: string; sets?: FieldSetting; stories: ParsedStory[] }
  >();
  const add = (kind: OperationKind, action: string | undefined, story?: ParsedStory) => {
    const key = resourceRouteKey(resource, kind, action);
    const sets = story?.sets;
    const entry = byKey.get(key) ?? {
      kind,
      ...(action === undefined ? {} : { action }),
      ...(sets === undefined ? {} : { sets }),
      stories: [],
    };
    if (story !== undefined) entry.stories.push(story);
    byKey.set(key, entry);
  };
  for (const story of stories.filter((candidate) => candidate.noun === resource.name))
    add(story.kind, story.kind === 'transition' || story.kind === 'set' ? story.verb : undefined, story);
  add('create', undefined);
  add('read', undefined);
  // What is made under a parent is read back under it too.
  if (resource.parent !== undefined) add('list', undefined);
  const described = sentences.flatMap((words) => {
    const restriction = describedRestriction(words);
    return restriction === undefined ? [] : [restriction];
  });
  return [...byKey.entries()]
    .map(([key, entry]) => ({
      kind: entry.kind,
      resource: resource.name,
      ...(entry.action === undefined ? {} : { action: entry.action }),
      ...(entry.sets === undefined ? {} : { sets: entry.sets }),
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
      // The move records who it was done to (the caller, or a recipient from the body); where the
      // machine has no such move, the status is kept.
      ...(entry.kind === 'transition' &&
      entry.stories.some((story) => story.toCaller === true || recordsRecipient(story)) &&
      resource.status?.transitions.some((move) => move.action === entry.action) !== true
        ? { keepsStatus: true as const }
        : {}),
      // `how many claims are approved`: a count takes the same filters a list of its stories would, and
      // those the resource's list takes (`list entries by actor` beside `how many entries an actor has`),
      // less a range of time, which counts do not read.
      filters:
        entry.kind === 'list'
          ? listFilters(resource, entry.stories)
          : entry.kind === 'count'
            ? countFilters(resource, entry.stories, stories)
            : [],
      // `ship an order with a tracking number`: what the move is made with is given and kept.
      records:
        entry.kind === 'transition'
          ? unique(entry.stories.flatMap((story) => story.fields.map((field) => field.name)))
          : [],
      // Restricted only when every story of the route is (`As an admin I can delete`, not also `As a clerk I can delete`),
      // or when the description says so (`Only finance can approve a report.`), as a story's `only` would.
      roles: unique([
        ...(entry.stories.length > 0 && entry.stories.every((story) => story.restriction.role !== undefined)
          ? entry.stories.flatMap((story) =>
              story.restriction.role === undefined ? [] : [story.restriction.role],
            )
          : []),
        ...described
          .filter((restriction) => restricts(restriction, resource, entry))
          .map((restriction) => restriction.role),
      ]),
    }))
    .sort((left, right) => KIND_ORDER.indexOf(left.kind) - KIND_ORDER.indexOf(right.kind));
}

/**
 * Whether a description's `only … can <verb> <noun>` names this route: the object names the
 * resource (namesResource), and the verb is the move's action or a verb of the route's kind.
 */
function restricts(
  restriction: DescribedRestriction,
  resource: Resource,
  entry: { kind: OperationKind; action?: string; stories: readonly ParsedStory[] },
): boolean {
  if (!namesResource(restriction.noun, resource)) return false;
  const { kind } = entry;
  const verbs =
    kind === 'transition' || kind === 'set'
      ? [entry.action ?? '']
      : [
          ...(kind === 'redirect' || kind === 'count' || kind === 'balance' ? [] : verbsOfKind(kind)),
          ...entry.stories.map((story) => story.verb),
        ];
  return verbs.some((verb) => verb !== '' && verbForms(verb).includes(restriction.verb));
}

/**
 * Whether an object's words name the resource: they end in its name's words (`a pending change
 * request` → `changeRequest`), or are one word, its name or the last word of it (`request`).
 */
function namesResource(object: string, resource: Resource): boolean {
  const words = object.split(' ');
  const said = [...words.slice(0, -1), singular(words.at(-1) ?? '')];
  const name = resource.name.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
  const ends =
    said.length >= name.length && name.every((word, at) => said[said.length - name.length + at] === word);
  return ends || (said.length === 1 && said[0] === name.at(-1));
}

/** A count's filters: its own stories', then the plain filters of the resource's lists, once each by field. */
function countFilters(
  resource: Resource,
  own: readonly ParsedStory[],
  stories: readonly ParsedStory[],
): ListFilter[] {
  const lists = stories.filter((story) => story.noun === resource.name && story.kind === 'list');
  const filters = [...listFilters(resource, own), ...listFilters(resource, lists)].filter(
    (filter) => filter.range !== true,
  );
  return filters.filter((filter, at) => filters.findIndex((other) => other.field === filter.field) === at);
}
