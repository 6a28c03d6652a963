import type { TaskEventBody } from '../../core/task/task-event.js';
import type { TaskRecord } from '../../core/task/task-record.js';
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
    current: () => log.tasks.get(taskId),
    async record(events) {
      const steps = [];
      for (const event of events) steps.push(await recordTaskEvent({ log, event }));
      const record = steps.at(-1)?.record ?? (await log.tasks.get(taskId));
      if (mirror === undefined || record === undefined || steps.length === 0) return { record };
      const step = await mirrorTaskStep({ mirror, record, unmirrored: await log.events.list(taskId), steps });
      return { record, ...(step.warning === undefined ? {} : { warning: step.warning }) };
    },
  };
}
