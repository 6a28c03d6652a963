import { applyTaskEvent } from './apply-task-event.js';
import { eventsLostOf } from './events-lost-of.js';
import type { TaskEvent } from './task-event.js';
import { MAX_PENDING_EVENTS, type TaskRecord } from './task-record.js';

/**
 * The events a log's record carries unappended (`pending_events`, pure), within
 * `MAX_PENDING_EVENTS`. Past it the oldest are dropped and never silently: an `events_lost` event
 * applied after `record` names them, with the ranges and the sequence of an earlier gap event still
 * carried (folded in, as `fitMarkerEvents` does for the status marker), so the record carries one
 * gap event and every sequence up to its version is either carried, already appended, or named
 * lost. `record` and `pending` are the record to write and what it carries; `gap` the applied gap
 * event and `note` a warning naming the dropped events, when any were dropped.
 */
export function capPendingEvents(params: {
  record: TaskRecord;
  /** Oldest first, the step's own event last. */
  pending: readonly TaskEvent[];
  /** ISO 8601: when the gap was noticed (the step's time). */
  at: string;
}): { record: TaskRecord; pending: TaskEvent[]; gap?: TaskEvent; note?: string } {
  const { record } = params;
  if (params.pending.length <= MAX_PENDING_EVENTS) return { record, pending: [...params.pending] };
  const earlierGaps = params.pending.filter((event) => event.type === 'events_lost');
  const steps = params.pending.filter((event) => event.type !== 'events_lost');
  // Room for the gap event itself.
  const kept = steps.slice(-(MAX_PENDING_EVENTS - 1));
  const dropped = steps.slice(0, steps.length - kept.length);
  const lost = eventsLostOf([...earlierGaps, ...dropped])!;
  const gap = applyTaskEvent(record, {
    type: 'events_lost',
    task_id: record.task_id,
    at: params.at,
    ...lost,
  });
  const named = dropped.map((event) => `${event.sequence} ${event.type}`).join(', ');
  return {
    record: gap.record,
    pending: [...kept, gap.event],
    gap: gap.event,
    note: `⚠️ The results table has refused the task's events for too long: ${dropped.length} event(s) no longer fit the record and were dropped unappended (${named}); the results table will lack them, and an events_lost event (sequence ${gap.event.sequence}) records the gap.`,
  };
}
