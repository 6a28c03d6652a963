import type { ParsedStory } from './parsed-story.js';
import type { ListFilter, Resource } from './resource-model-types.js';
import { callerField } from './caller-field.js';
import { ownerFieldOf } from './owner-field-of.js';
import { rangedField } from './ranged-field.js';
import { unique } from './unique.js';

/** `list unassigned tickets` → `assignee`: the field recording who the negated action was done by or to. */
function missingField(story: ParsedStory): string[] {
  return story.negated === undefined ? [] : [callerField(story.negated.verb)];
}

/**
 * `list bookings for a room` on bookings owned by employees: the room is not the owner, so the list is
 * filtered on the item's `roomId` (kept only when the resource declares that text field).
 */
function ownerFilter(story: ParsedStory, resource: Resource): string[] {
  if (story.kind !== 'list' || story.owner === undefined || story.owner === resource.parent?.name) return [];
  const field = ownerFieldOf(story.owner);
  return field === resource.ownerField ? [] : [field];
}

/**
 * The filters a list's stories name: a state (`list open tickets`) or `by status` filter on the item's
 * status, its values every status of the model; `by priority` on that declared string field; `by tag`
 * on a declared list field (`tags`), keeping the items whose list holds the value; `between two dates`
 * a range of the item's time field (`rangedField`); `list enabled flags` on a declared yes/no field
 * (`?enabled=true`). A filter on a number, or on a list under a parent, is not made; the story says so.
 */
export function listFilters(resource: Resource, stories: readonly ParsedStory[]): ListFilter[] {
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
      ...missingField(story),
      ...ownerFilter(story, resource),
    ]),
  );
  const missing = unique(stories.flatMap(missingField));
  const asked = (field: string) =>
    unique(
      stories.flatMap((story) =>
        story.filterBy === field && story.filterValue !== undefined ? [story.filterValue] : [],
      ),
    );
  const byCaller = unique(
    stories.flatMap((story) => (story.callerFilter === undefined ? [] : [story.callerFilter])),
  );
  // `list entries between two dates`: ?from= and ?to= on the item's time field.
  const ranged = stories.some((story) => story.timeRange !== undefined)
    ? [{ field: rangedField(resource.fields), range: true as const }]
    : [];
  const byField = fields.flatMap((field): ListFilter[] => {
    if (field === 'status') return machine === undefined ? [] : [{ field, values: statuses }];
    const spec = resource.fields.find((candidate) => candidate.name === field);
    if (spec === undefined || field === resource.ownerField) return [];
    // `list products by tag`: the products whose tags hold the one given.
    if (spec.type === 'list') return [{ field, contains: true as const }];
    const values = asked(field);
    // `list enabled flags`: ?enabled=true keeps the flags whose yes/no field is true.
    if (spec.type === 'boolean')
      return [
        {
          field,
          values: ['true', 'false'],
          yesNo: true as const,
          ...(values.length === 0 ? {} : { asked: values }),
        },
      ];
    if (spec.type !== 'string') return [];
    return [
      {
        field,
        ...(byCaller.includes(field) ? { caller: true as const } : {}),
        ...(missing.includes(field) ? { missing: true as const } : {}),
        ...(values.length === 0 ? {} : { asked: values }),
      },
    ];
  });
  return [...byField, ...ranged];
}
