import { TaskVersionConflictError, type TaskStore } from '../../core/stores/task-store.js';
import { TaskEventConflictError, type TaskEventStore } from '../../core/stores/task-event-store.js';
import { canonicalRepository } from '../../core/task/canonical-repository.js';
import { canonicalGitHubTaskId } from '../../core/task/canonical-github-task-id.js';
import { isLocalTaskId } from '../../core/task/is-local-task-id.js';
import type { TaskRecord } from '../../core/task/task-record.js';

/**
 * Migrates on read a task whose records were written under another spelling of its id
 * (`formerTaskId`: `Acme/Shop#7`, written before task ids were canonical or before a case-only
 * rename; `taskId`: `acme/shop#7`): when `taskId` has no record yet and `formerTaskId` has one,
 * its events are appended under `taskId` (appends are idempotent), then its record is written
 * there (conditional on none: a run migrating at the same moment wins, which is the same record).
 * The former items are left as they were (the results table is append-only): every later step
 * reads and writes `taskId` alone. Does nothing when the two ids are not one task's (they differ
 * other than in case), are the same, or `formerTaskId` is in the CLI's namespace (`isLocalTaskId`:
 * a case-sensitive id, another task). Throws what the stores throw.
 */
export async function migrateFormerTask(params: {
  tasks: TaskStore;
  events?: TaskEventStore | undefined;
  taskId: string;
  formerTaskId: string | undefined;
}): Promise<'migrated' | 'nothing'> {
  const { tasks, events, taskId, formerTaskId } = params;
  // Only a GitHub task's spellings are one task; a CLI task's id (case-sensitive) is never read or moved.
  if (
    formerTaskId === undefined ||
    formerTaskId === taskId ||
    isLocalTaskId(formerTaskId) ||
    canonicalGitHubTaskId(formerTaskId) !== taskId
  )
    return 'nothing';
  if ((await tasks.get(taskId)) !== undefined) return 'nothing';
  const former = await tasks.get(formerTaskId);
  if (former === undefined) return 'nothing';
  for (const event of (await events?.list(formerTaskId)) ?? []) {
    try {
      await events?.append({ ...event, task_id: taskId });
    } catch (error) {
      if (!(error instanceof TaskEventConflictError)) throw error;
    }
  }
  const record: TaskRecord = {
    ...former,
    task_id: taskId,
    repo: canonicalRepository(former.repo),
    ...(former.pending_events === undefined
      ? {}
      : { pending_events: former.pending_events.map((event) => ({ ...event, task_id: taskId })) }),
    ...(former.unsent_events === undefined
      ? {}
      : {
          unsent_events: former.unsent_events.map((event) => ({
            ...event,
            detail: { ...event.detail, task_id: taskId, repo: canonicalRepository(event.detail.repo) },
          })),
        }),
  };
  try {
    await tasks.put(record, 0);
  } catch (error) {
    if (!(error instanceof TaskVersionConflictError)) throw error;
  }
  return 'migrated';
}
