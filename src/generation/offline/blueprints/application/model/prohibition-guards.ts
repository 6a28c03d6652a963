import { flipSetting } from './flip-verbs.js';
import type { Operation, ProhibitedChange, RefusedValue, Resource } from './resource-model-types.js';
import { unique } from './unique.js';

/** A forbidden yes/no participle → the flip verb that makes it (`enabled` → `enable`). */
const FLIP_VERB_OF: Readonly<Record<string, string>> = {
  enabled: 'enable',
  disabled: 'disable',
  activated: 'activate',
  deactivated: 'deactivate',
  toggled: 'toggle',
  flipped: 'flip',
  switched: 'switch',
};

/**
 * The routes refuse (409) what a status-qualified prohibition forbids (`A canceled subscription
 * cannot be changed.`): its statuses join the `refusedFrom` of every update and set of the resource
 * (for a change) and of its delete (for a delete). Status moves are the lifecycle the description
 * lists (`Sent invoices cannot be edited.` must not stop `pay` from sent), so they stay as they
 * are and coverage names those that still act in the status; a move that keeps the status and only
 * records who holds the item (`reassign a pick list to another picker`) is a change, refused too. Prohibitions with no status are met
 * by the routes a service lacks instead. A prohibition of a yes/no value (`Archived flags cannot be
 * enabled.`) guards every route that can set it: the set routes refuse the item in its statuses,
 * and an update refuses a body setting that value there (`refusedValues`), its other fields still
 * changing.
 */
export function guardedByProhibitions(
  operations: readonly Operation[],
  prohibitions: readonly ProhibitedChange[],
  resources: readonly Resource[],
): Operation[] {
  return operations.map((operation) => {
    const statuses = unique(
      prohibitions.flatMap((prohibition) =>
        prohibition.resource === operation.resource &&
        (operation.kind !== 'transition' || operation.keepsStatus === true) &&
        forbidsKind(prohibition, operation)
          ? (prohibition.inStatuses ?? [])
          : [],
      ),
    );
    const values = refusedValuesOf(operation, prohibitions, resources);
    return {
      ...operation,
      ...(statuses.length === 0 ? {} : { refusedFrom: unique([...operation.refusedFrom, ...statuses]) }),
      ...(values.length === 0 ? {} : { refusedValues: values }),
    };
  });
}

/** The yes/no values an update of the resource may not set, one per prohibition of a flip it can make. */
function refusedValuesOf(
  operation: Operation,
  prohibitions: readonly ProhibitedChange[],
  resources: readonly Resource[],
): RefusedValue[] {
  if (operation.kind !== 'update') return [];
  const resource = resources.find((candidate) => candidate.name === operation.resource);
  return prohibitions.flatMap((prohibition) => {
    if (prohibition.resource !== operation.resource || prohibition.changes) return [];
    const value = refusedValue(prohibition, resource);
    return value === undefined ? [] : [value];
  });
}

/**
 * The value a prohibition of a flip forbids on the resource's yes/no fields (`cannot be enabled`
 * → `enabled: true`, or `disabled: false` where that is the field; `cannot be toggled` → any
 * change), chosen as the flip verbs choose their field (`flipSetting`); undefined when it names no
 * flip or the resource has no such field.
 */
export function refusedValue(
  prohibition: ProhibitedChange,
  resource: Resource | undefined,
): RefusedValue | undefined {
  const verb = prohibition.flips === undefined ? undefined : FLIP_VERB_OF[prohibition.flips];
  if (verb === undefined || resource === undefined) return undefined;
  const booleans = resource.fields.filter((field) => field.type === 'boolean').map((field) => field.name);
  const setting = flipSetting(verb, booleans);
  if (setting === undefined) return undefined;
  return {
    field: setting.field,
    ...(setting.to === 'toggle' ? {} : { value: setting.to }),
    ...(prohibition.inStatuses === undefined ? {} : { inStatuses: prohibition.inStatuses }),
  };
}

/**
 * Whether the prohibition forbids what the operation does: a change (update, set, move), a delete,
 * or setting a yes/no field (`cannot be enabled` → the set routes: toggle, enable, disable).
 */
export function forbidsKind(prohibition: ProhibitedChange, operation: Operation): boolean {
  return (
    (prohibition.changes &&
      (operation.kind === 'update' || operation.kind === 'set' || operation.kind === 'transition')) ||
    (prohibition.deletes && operation.kind === 'delete') ||
    (prohibition.flips !== undefined && operation.kind === 'set')
  );
}
