import { markerChars } from '../../core/state/fit-unmirrored.js';
import { MAX_UNSENT_EVENTS, type TaskMarker } from '../../core/state/state-marker.js';
import type { LifecycleEvent } from '../../core/task/lifecycle-event.js';
import type { TaskEvent } from '../../core/task/task-event.js';
import type { TaskRecord } from '../../core/task/task-record.js';
import { stepMilestones } from '../mirror/mirror-task-step.js';

/**
 * Characters the marker's `unsent` may take as written (`markerChars`): 20 events of about 600,
 * leaving the marker's shared budget (`MAX_MARKER_LISTS_CHARS`) room for the other lists.
 */
export const MAX_UNSENT_CHARS = 12_000;

/**
 * The marker's outbox after a step (`unsent`), with a bus configured: the lifecycle events an
 * earlier step left unsent, then the step's milestones (`stepMilestones`), the newest of them
 * within `MAX_UNSENT_EVENTS` and `MAX_UNSENT_CHARS` as written (an event's size varies with its
 * environment name, up to GitHub's 255 characters), so the marker fits a comment; `dropped` names
 * the oldest that no longer fit, for the status comment. Without a bus (`publishing: false`): no outbox. Pure.
 */
export function markerOutbox(params: {
  earlier: TaskMarker['unsent'];
  steps: readonly { readonly record: TaskRecord; readonly event: TaskEvent }[];
  publishing: boolean;
}): { outbox?: LifecycleEvent[]; dropped?: string } {
  if (!params.publishing) return {};
  const waiting: LifecycleEvent[] = [...(params.earlier ?? []), ...stepMilestones(params.steps)];
  let outbox = waiting.slice(-MAX_UNSENT_EVENTS);
  let size = outbox.reduce((sum, event) => sum + markerChars(event), 0);
  while (outbox.length > 0 && size > MAX_UNSENT_CHARS) {
    size -= markerChars(outbox[0]);
    outbox = outbox.slice(1);
  }
  const droppedEvents = waiting.length - outbox.length;
  if (droppedEvents === 0) return { outbox };
  const names = waiting
    .slice(0, droppedEvents)
    .map((event) => event.detailType)
    .join(', ');
  return {
    outbox,
    dropped: `⚠️ The event bus has been out for too long: ${droppedEvents} lifecycle event(s) (${names}) were dropped unsent; the status keeps the newest ${outbox.length}.`,
  };
}
