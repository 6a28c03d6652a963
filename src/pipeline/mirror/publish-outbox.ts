import { unsentOf, type LifecyclePublisher } from '../../core/stores/lifecycle-publisher.js';
import type { TaskStore } from '../../core/stores/task-store.js';
import type { LifecycleEvent } from '../../core/task/lifecycle-event.js';
import { lifecycleEventId } from '../../core/task/lifecycle-event-id.js';
import { settleOutbox } from './settle-outbox.js';

/** What one publish of a task's outbox did. */
export interface PublishedOutbox {
  /** Lifecycle events the bus took, the tables' own included. */
  readonly published: number;
  /** Of `own`, those the bus did not take, in order: the caller keeps them (the marker's `unsent`). */
  readonly unsent: readonly LifecycleEvent[];
  readonly warnings: readonly string[];
}

/**
 * One outbox per task, whoever reaches the bus: `own` (the caller's outbox: a status marker's
 * `unsent` and the step's milestones, or a journal's batch) and what the tasks table's record
 * still holds unsent (`unsent_events`, a deploy run's journal whose bus was down) go out together,
 * oldest first (by `detail.at`; the same event in both is sent once, by `lifecycleEventId`). The
 * table then drops exactly what the bus took of its own (`settleOutbox`), and what it did not take
 * stays there, never copied into the caller's outbox. A table that cannot be read adds nothing.
 * Never throws: a failed publish or settle comes back as warnings.
 */
export async function publishOutbox(params: {
  publisher: LifecyclePublisher;
  tasks?: TaskStore | undefined;
  taskId: string;
  own: readonly LifecycleEvent[];
}): Promise<PublishedOutbox> {
  const { publisher, tasks, taskId, own } = params;
  const ownIds = new Set(own.map(lifecycleEventId));
  const stored = await tasks?.get(taskId).catch(() => undefined);
  const held = (stored?.unsent_events ?? []).filter((event) => !ownIds.has(lifecycleEventId(event)));
  const outbox = oldestFirst([...held, ...own]);
  if (outbox.length === 0) return { published: 0, unsent: [], warnings: [] };
  const warnings: string[] = [];
  let left: readonly LifecycleEvent[] = [];
  try {
    await publisher.publish(outbox);
  } catch (error) {
    left = unsentOf(error, outbox);
    const reason = error instanceof Error ? error.message : String(error);
    const names = left.map((event) => event.detailType).join(', ');
    warnings.push(
      `The lifecycle event(s) ${names} could not be sent to the event bus (${reason}); the next step sends them again.`,
    );
  }
  const leftIds = new Set(left.map(lifecycleEventId));
  // Every event the table held that the bus took leaves it, those the caller's outbox held too.
  const tableHeld = stored?.unsent_events ?? [];
  if (tasks !== undefined && tableHeld.some((event) => !leftIds.has(lifecycleEventId(event)))) {
    const settled = await settleOutbox({
      log: { tasks },
      taskId,
      sent: tableHeld,
      unsent: tableHeld.filter((event) => leftIds.has(lifecycleEventId(event))),
    });
    if (settled !== undefined) warnings.push(settled);
  }
  return {
    published: outbox.length - left.length,
    unsent: own.filter((event) => leftIds.has(lifecycleEventId(event))),
    warnings,
  };
}

/** Events by when they happened (a stable sort: events of one time keep their order). */
function oldestFirst(events: readonly LifecycleEvent[]): LifecycleEvent[] {
  return events
    .map((event, index) => ({ event, index, at: Date.parse(event.detail.at) }))
    .sort((a, b) => (a.at === b.at || Number.isNaN(a.at - b.at) ? a.index - b.index : a.at - b.at))
    .map(({ event }) => event);
}
