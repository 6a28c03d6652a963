import { TaskVersionConflictError, type TaskStore } from '../../core/stores/task-store.js';
import type { TaskEventStore } from '../../core/stores/task-event-store.js';
import { applyTaskEvent } from '../../core/task/apply-task-event.js';
import type { TaskEvent, TaskEventBody } from '../../core/task/task-event.js';
import type { TaskRecord } from '../../core/task/task-record.js';

/** Each retry means another writer moved the task in between; more than a few is a bug, not contention. */
const MAX_ATTEMPTS = 5;

export interface TaskLog {
  readonly tasks: TaskStore;
  readonly events: TaskEventStore;
}

/**
 * Records one step of a task: 1. read the record; 2. apply the event (`applyTaskEvent`); 3. write
 * the record on condition of the version read; on a conflict, read again and re-apply; 4. append
 * the event stamped with the version it produced. Throws what `applyTaskEvent` throws for an event
 * that cannot apply, and the stores' errors.
 */
export async function recordTaskEvent(params: {
  log: TaskLog;
  event: TaskEventBody;
}): Promise<{ record: TaskRecord; event: TaskEvent }> {
  const { log, event } = params;
  for (let attempt = 1; ; attempt += 1) {
    const current = await log.tasks.get(event.task_id);
    const applied = applyTaskEvent(current, event);
    try {
      await log.tasks.put(applied.record, current?.version ?? 0);
    } catch (error) {
      if (error instanceof TaskVersionConflictError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    // After the record: an event appended first could take a version that another writer then wins.
    await log.events.append(applied.event);
    return applied;
  }
}
