import { shortOutcomeEvent } from './short-outcome-event.js';
import type { TaskEvent } from './task-event.js';

/**
 * Whether two events are the same step as stored: JSON drops undefined fields and stores keep no
 * key order, so both are compared as canonical JSON (keys sorted, undefined left out). The status
 * marker's short copy of an outcome event (`shortOutcomeEvent`, made to fit the comment during a
 * long mirror outage) is the same step as the whole event it was cut from, either way round: a
 * store holding the whole event takes the copy as already there, and no reader takes the copy for
 * another run's event. Same task, sequence, type and time are part of what is compared.
 */
export function isSameEvent(left: TaskEvent, right: TaskEvent): boolean {
  if (isSameDocument(left, right)) return true;
  return (
    left.type === 'outcome_recorded' &&
    right.type === 'outcome_recorded' &&
    isSameDocument(shortOutcomeEvent(left), shortOutcomeEvent(right))
  );
}

/** Whether two stored JSON documents (events, task records) are the same, by canonical JSON. */
export function isSameDocument(left: unknown, right: unknown): boolean {
  return canonicalJson(left) === canonicalJson(right);
}

/** `value` as JSON with object keys sorted and undefined left out: one text per stored document. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
