import { TaskVersionConflictError, type TaskStore } from '../../core/stores/task-store.js';
import { TaskEventConflictError, type TaskEventStore } from '../../core/stores/task-event-store.js';
import { canonicalGitHubTaskId } from '../../core/task/canonical-github-task-id.js';
import { isLocalTaskId } from '../../core/task/is-local-task-id.js';
import { parseTaskId } from '../../core/task/parse-task-id.js';
import { rekeyedEvents } from '../../core/state/rekeyed-events.js';
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
 * a case-sensitive id, another task). With `renamed` (the caller judged `formerTaskId` this task's
 * by the repository's id: a rename or transfer, `judgeMarker`), ids of the same issue number
 * under another repository name are one task too. Everything moved is re-keyed to `taskId`
 * (`rekeyedEvents`: events, the record's `repo`, its outbox). Throws what the stores throw.
 */
export async function migrateFormerTask(params: {
  tasks: TaskStore;
  events?: TaskEventStore | undefined;
  taskId: string;
  formerTaskId: string | undefined;
  renamed?: boolean | undefined;
}): Promise<'migrated' | 'nothing'> {
  const { tasks, events, taskId, formerTaskId } = params;
  // Only a GitHub task's spellings are one task; a CLI task's id (case-sensitive) is never read or moved.
  if (
    formerTaskId === undefined ||
    formerTaskId === taskId ||
    isLocalTaskId(formerTaskId) ||
    isLocalTaskId(taskId) ||
    !(
      canonicalGitHubTaskId(formerTaskId) === taskId ||
      (params.renamed === true && sameIssue(formerTaskId, taskId))
    )
  )
    return 'nothing';
  if ((await tasks.get(taskId)) !== undefined) return 'nothing';
  const former = await tasks.get(formerTaskId);
  if (former === undefined) return 'nothing';
  const moved = rekeyedEvents({ taskId, events: (await events?.list(formerTaskId)) ?? [], lifecycle: [] });
  for (const event of moved.events) {
    try {
      await events?.append(event);
    } catch (error) {
      if (!(error instanceof TaskEventConflictError)) throw error;
    }
  }
  const bookkeeping = rekeyedEvents({
    taskId,
    events: former.pending_events ?? [],
    lifecycle: former.unsent_events ?? [],
  });
  const record: TaskRecord = {
    ...former,
    task_id: taskId,
    repo: taskId.slice(0, taskId.lastIndexOf('#')),
    ...(former.pending_events === undefined ? {} : { pending_events: bookkeeping.events }),
    ...(former.unsent_events === undefined ? {} : { unsent_events: bookkeeping.lifecycle }),
  };
  try {
    await tasks.put(record, 0);
  } catch (error) {
    if (!(error instanceof TaskVersionConflictError)) throw error;
  }
  return 'migrated';
}

function sameIssue(formerTaskId: string, taskId: string): boolean {
  const former = parseTaskId(formerTaskId);
  const current = parseTaskId(taskId);
  return former !== undefined && current !== undefined && former.issueNumber === current.issueNumber;
}
