import type { TaskEventBody } from '../../core/task/task-event.js';
import { withoutPendingEvents, type TaskRecord } from '../../core/task/task-record.js';
import type { MirrorStores } from './mirror-stores-for-config.js';
import { mirrorTaskStep } from './mirror-task-step.js';
import { recordTaskEvent, type TaskLog } from './record-task-event.js';

/**
 * A task's life where no status comment carries it (the CLI; later the REST API and a queue
 * worker): each step goes to the task's own log (the local folder by default) and then to the
 * mirrors, as the status board does for GitHub tasks. A mirror failure comes back as a warning.
 */
export interface TaskJournal {
  /** The record as the log holds it; `undefined` for a task never seen. */
  current(): Promise<TaskRecord | undefined>;
  /** Applies the events in order (`recordTaskEvent`), then mirrors them; throws the log's errors only. */
  record(events: readonly TaskEventBody[]): Promise<{ record: TaskRecord | undefined; warning?: string }>;
}

export function openTaskJournal(params: {
  taskId: string;
  log: TaskLog;
  mirror?: Pick<MirrorStores, 'tasks' | 'events' | 'publisher'>;
}): TaskJournal {
  const { log, mirror, taskId } = params;
  return {
    // The log's own bookkeeping (`pending_events`) is not the task's.
    current: async () => {
      const stored = await log.tasks.get(taskId);
      return stored === undefined ? undefined : withoutPendingEvents(stored);
    },
    async record(events) {
      const steps: Awaited<ReturnType<typeof recordTaskEvent>>[] = [];
      for (const event of events) steps.push(await recordTaskEvent({ log, event }));
      const record = steps.at(-1)?.record ?? (await log.tasks.get(taskId));
      const unappended = steps.findLast((step) => step.unappended !== undefined)?.unappended;
      const warnings =
        unappended === undefined
          ? []
          : [
              `The task's events could not be appended (${unappended}); the record carries them, and the next step appends them again.`,
            ];
      if (mirror !== undefined && record !== undefined && steps.length > 0) {
        // The log's events store may be the one that failed: the mirror is brought up to what it holds.
        const unmirrored = await log.events.list(taskId).catch(() => steps.map((step) => step.event));
        const step = await mirrorTaskStep({ mirror, record, unmirrored, steps });
        if (step.warning !== undefined) warnings.push(step.warning);
      }
      return { record, ...(warnings.length === 0 ? {} : { warning: warnings.join(' ') }) };
    },
  };
}
