import type { TaskEvent } from './task-event.js';

/**
 * Whether two events are the same as stored: JSON drops undefined fields and stores keep no key
 * order, so both are compared as canonical JSON (keys sorted, undefined left out).
 */
export function isSameEvent(left: TaskEvent, right: TaskEvent): boolean {
  return isSameDocument(left, right);
}

/** Whether two stored JSON documents (events, task records) are the same, by canonical JSON. */
export function isSameDocument(left: unknown, right: unknown): boolean {
  return canonicalJson(left) === canonicalJson(right);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
