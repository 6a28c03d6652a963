import { canonicalRepository } from '../task/canonical-repository.js';
import { isLocalTaskId } from '../task/is-local-task-id.js';
import type { LifecycleEvent } from '../task/lifecycle-event.js';
import { lifecycleEventId } from '../task/lifecycle-event-id.js';
import type { TaskEvent } from '../task/task-event.js';

/**
 * A task's events as read from a marker or a log written under a former identity (`Acme/Shop#7`
 * before ids were canonical, `acme/shop#7` before the repository became `acme/store`), re-keyed
 * to `taskId` (`owner/repo#issue`): each task event's `task_id` (and a `task_received`'s `repo`),
 * each lifecycle event's `detail.task_id` and `detail.repo`, so everything sent names the task as
 * its records do now. A lifecycle event keeps the identity consumers drop duplicates by: its
 * `event_id` is fixed to the one it was made with under the former identity (`lifecycleEventId`),
 * so an event sent before the re-key and sent again after it reaches a consumer as one. A task
 * event needs nothing more: the results table's sort key (`step#timestamp#sequence`) does not
 * hold the task id, so a moved event keeps its key under the new `task_id`. Events already under
 * `taskId` come back as they are. Pure.
 */
export function rekeyedEvents(params: {
  taskId: string;
  events: readonly TaskEvent[];
  lifecycle: readonly LifecycleEvent[];
}): { events: TaskEvent[]; lifecycle: LifecycleEvent[] } {
  const { taskId } = params;
  const hash = taskId.lastIndexOf('#');
  const named = hash === -1 ? taskId : taskId.slice(0, hash);
  // A CLI task's repository keeps its case (`isLocalTaskId`); a GitHub one is spelled canonically.
  const repo = isLocalTaskId(taskId) ? named : canonicalRepository(named);
  const events = params.events.map((event): TaskEvent => {
    if (event.task_id === taskId) return event;
    return event.type === 'task_received'
      ? { ...event, task_id: taskId, repo }
      : { ...event, task_id: taskId };
  });
  const lifecycle = params.lifecycle.map((event): LifecycleEvent => {
    if (event.detail.task_id === taskId) return event;
    const event_id = lifecycleEventId(event);
    return { ...event, detail: { ...event.detail, task_id: taskId, repo, event_id } };
  });
  return { events, lifecycle };
}
