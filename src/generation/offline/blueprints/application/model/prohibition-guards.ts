import type { Operation, ProhibitedChange } from './resource-model-types.js';
import { unique } from './unique.js';

/**
 * The routes refuse (409) what a status-qualified prohibition forbids (`A canceled subscription
 * cannot be changed.`): its statuses join the `refusedFrom` of every update and set of the resource
 * (for a change) and of its delete (for a delete). Status moves are the lifecycle the description
 * lists (`Sent invoices cannot be edited.` must not stop `pay` from sent), so they stay as they
 * are and coverage names those that still act in the status. Prohibitions with no status are met
 * by the routes a service lacks instead.
 */
export function guardedByProhibitions(
  operations: readonly Operation[],
  prohibitions: readonly ProhibitedChange[],
): Operation[] {
  return operations.map((operation) => {
    const statuses = unique(
      prohibitions.flatMap((prohibition) =>
        prohibition.resource === operation.resource &&
        operation.kind !== 'transition' &&
        forbidsKind(prohibition, operation)
          ? (prohibition.inStatuses ?? [])
          : [],
      ),
    );
    return statuses.length === 0
      ? operation
      : { ...operation, refusedFrom: unique([...operation.refusedFrom, ...statuses]) };
  });
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
