import type { FieldSpec } from './resource-model-types.js';

/** Names of a field holding a point in time (`timestamp`, `occurredAt`, `dueDate`, `startTime`). */
const TIME_NAME = /^(timestamp|date|time|datetime)$|[a-z](At|Date|Time|Timestamp)$/;

/**
 * The field a list's range of time (`between two dates`) reads: the first declared text field named
 * as a time, else `createdAt`, which the service sets on every item (ISO 8601, UTC).
 */
export function rangedField(fields: readonly FieldSpec[]): string {
  return (
    fields.find(
      (field) => field.type === 'string' && field.values === undefined && TIME_NAME.test(field.name),
    )?.name ?? 'createdAt'
  );
}
