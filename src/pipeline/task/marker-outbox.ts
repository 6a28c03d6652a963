import { MAX_UNSENT_EVENTS, type TaskMarker } from '../../core/state/state-marker.js';
import type { LifecycleEvent } from '../../core/task/lifecycle-event.js';
import type { TaskEvent } from '../../core/task/task-event.js';
import type { TaskRecord } from '../../core/task/task-record.js';
import { stepMilestones } from '../mirror/mirror-task-step.js';

/**
 * The marker's outbox after a step (`unsent`), with a bus configured: the lifecycle events an
 * earlier step left unsent, then the step's milestones (`stepMilestones`), the newest
 * `MAX_UNSENT_EVENTS` of them, so the marker fits a comment; `dropped` names the oldest that no
 * longer fit, for the status comment. Without a bus (`publishing: false`): no outbox. Pure.
 */
export function markerOutbox(params: {
  earlier: TaskMarker['unsent'];
  steps: readonly { readonly record: TaskRecord; readonly event: TaskEvent }[];
  publishing: boolean;
}): { outbox?: LifecycleEvent[]; dropped?: string } {
  if (!params.publishing) return {};
  const waiting = [...(params.earlier ?? []), ...stepMilestones(params.steps)];
  const outbox = waiting.slice(-MAX_UNSENT_EVENTS);
  const droppedEvents = waiting.length - outbox.length;
  if (droppedEvents === 0) return { outbox };
  const names = waiting
    .slice(0, droppedEvents)
    .map((event) => event.detailType)
    .join(', ');
  return {
    outbox,
    dropped: `⚠️ The event bus has been out for too long: ${droppedEvents} lifecycle event(s) (${names}) were dropped unsent; the status keeps the newest ${MAX_UNSENT_EVENTS}.`,
  };
}
