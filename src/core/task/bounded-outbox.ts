import { MAX_UNSENT_EVENTS, type LifecycleEvent } from './lifecycle-event.js';

/**
 * Lifecycle events waiting for the bus, held to `MAX_UNSENT_EVENTS`: past it the oldest go
 * (`dropped`, oldest first), so what keeps them (a status marker, a log's record) stays small. Pure.
 */
export function boundedOutbox(waiting: readonly LifecycleEvent[]): {
  outbox: LifecycleEvent[];
  dropped: LifecycleEvent[];
} {
  const cut = Math.max(0, waiting.length - MAX_UNSENT_EVENTS);
  return { outbox: waiting.slice(cut), dropped: waiting.slice(0, cut) };
}

/** The one line that names lifecycle events dropped unsent: how many and of which kinds. */
export function droppedEventsWarning(dropped: readonly LifecycleEvent[]): string | undefined {
  if (dropped.length === 0) return undefined;
  const kinds = dropped.map((event) => event.detailType).join(', ');
  return `⚠️ The event bus has been out for too long: ${dropped.length} lifecycle event(s) (${kinds}) were dropped unsent; the task's record keeps the newest ${MAX_UNSENT_EVENTS}.`;
}
