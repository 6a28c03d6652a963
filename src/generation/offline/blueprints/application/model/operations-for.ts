import { callerField } from './caller-field.js';
import { listFilters } from './list-filters.js';
import { logicalIdOf } from './logical-id-of.js';
import type { ParsedStory } from './parsed-story.js';
import type { FieldSetting, Operation, OperationKind, Resource } from './resource-model-types.js';
import { resourceRouteKey } from './resource-route-key.js';
import { statusName } from './status-name.js';
import { unique } from './unique.js';
import { withLaterStatuses } from './with-later-statuses.js';

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
        ? {
            callerField: callerField(entry.action ?? ''),
            ...(resource.status?.transitions.some((move) => move.action === entry.action) === true
              ? {}
              : { keepsStatus: true as const }),
          }
        : {}),
      // `how many claims are approved`: a count takes the same filters a list of its stories would.
      filters: entry.kind === 'list' || entry.kind === 'count' ? listFilters(resource, entry.stories) : [],
      // `ship an order with a tracking number`: what the move is made with is given and kept.
      records:
        entry.kind === 'transition'
          ? unique(entry.stories.flatMap((story) => story.fields.map((field) => field.name)))
          : [],
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
