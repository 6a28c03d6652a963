import type { TaskEvent } from './task-event.js';

/** Wide enough for any task's life; a fixed width keeps keys of one step in order as text. */
const SEQUENCE_DIGITS = 6;

/** The step an event records: the state a state change moved to, else the event's type. */
export function eventStep(event: TaskEvent): string {
  return event.type === 'state_changed' ? event.to : event.type;
}

/**
 * The results table's sort key (DESIGN §11 `step#timestamp`), with the event's sequence after the
 * timestamp: two steps in one millisecond never collide, and a replayed event lands on its own key.
 * Example: `pr_open#2026-11-24T10:00:00.000Z#000004`.
 */
export function eventSortKey(event: TaskEvent): string {
  return `${eventStep(event)}#${event.at}#${String(event.sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}
