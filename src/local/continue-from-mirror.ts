import type { TaskStore } from '../core/stores/task-store.js';
import { logBookkeepingOf, withoutPendingEvents, type TaskRecord } from '../core/task/task-record.js';

/**
 * The task's record the run continues from: the newest of the out folder's (`log`) and the shared
 * mirror's. An out folder cleared (`git clean -xdf`) or pointed elsewhere holds none, or an older
 * one, while the mirror holds the task's life: the mirror's record is written into the log first,
 * so the next attempt's number and the record's version continue past every earlier run's (an
 * attempt restarted at 1 would overwrite the first run's `1/…` artifacts in the mirror, and a
 * version behind the mirror's would read as another writer's). Any read or write failing leaves
 * the log's record as it was (the caller warns of the mirror's problems on its own sync).
 */
export async function continueFromMirror(params: {
  taskId: string;
  log: TaskStore;
  mirror?: TaskStore | undefined;
}): Promise<TaskRecord | undefined> {
  const local = await params.log.get(params.taskId).catch(() => undefined);
  if (params.mirror === undefined) return local;
  const mirrored = await params.mirror.get(params.taskId).catch(() => undefined);
  if (mirrored === undefined || mirrored.version <= (local?.version ?? 0)) return local;
  // The mirror's own log bookkeeping (a deploy run's unconfirmed events) is not this log's; this log's stays.
  const seeded = withoutPendingEvents(mirrored);
  try {
    await params.log.put({ ...seeded, ...logBookkeepingOf(local) }, local?.version ?? 0);
    return seeded;
  } catch {
    return local;
  }
}
