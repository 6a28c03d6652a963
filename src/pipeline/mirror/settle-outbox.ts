import { TaskVersionConflictError } from '../../core/stores/task-store.js';
import type { LifecycleEvent } from '../../core/task/lifecycle-event.js';
import { lifecycleEventId } from '../../core/task/lifecycle-event-id.js';
import type { TaskLog } from './record-task-event.js';

/** Another writer between the read and the write is rare; past this many the sent events stay. */
const MAX_ATTEMPTS = 3;

/**
 * After a publish, drops from the log record's outbox (`unsent_events`) the events of `sent` the bus
 * took (those not in `unsent`), with a bookkeeping write conditional on the version read; a record
 * another writer moved in between is read again. Returns a warning when the write failed: the
 * events stay and go again with the next step (consumers drop duplicates by `detail.event_id`). Never throws.
 */
export async function settleOutbox(params: {
  log: Pick<TaskLog, 'tasks'>;
  taskId: string;
  sent: readonly LifecycleEvent[];
  unsent: readonly LifecycleEvent[];
}): Promise<string | undefined> {
  // By the event's own identity: two milestones may share a detail-type and sequence (`lifecycleEventId`).
  const keyOf = lifecycleEventId;
  const stillUnsent = new Set(params.unsent.map(keyOf));
  const taken = new Set(params.sent.map(keyOf).filter((key) => !stillUnsent.has(key)));
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const current = await params.log.tasks.get(params.taskId);
      const kept = current?.unsent_events ?? [];
      const remaining = kept.filter((event) => !taken.has(keyOf(event)));
      if (current === undefined || remaining.length === kept.length) return undefined;
      const { unsent_events: _sent, ...rest } = current;
      try {
        await params.log.tasks.put(
          remaining.length === 0 ? rest : { ...rest, unsent_events: remaining },
          current.version,
          { bookkeeping: true },
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof TaskVersionConflictError)) throw error;
      }
    }
    return `The task's record kept lifecycle events the bus already took (another run kept moving it); they go again with the next step.`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `The task's record could not drop the lifecycle events the bus took (${reason}); they go again with the next step.`;
  }
}
