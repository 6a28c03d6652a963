import type { ArtifactStore } from '../core/stores/artifact-store.js';
import type { TaskStore } from '../core/stores/task-store.js';
import { applyTaskEvent } from '../core/task/apply-task-event.js';
import { logBookkeepingOf, withoutPendingEvents, type TaskRecord } from '../core/task/task-record.js';

/**
 * The task's record the run continues from: the newest of the out folder's (`log`) and the shared
 * mirror's. An out folder cleared (`git clean -xdf`) or pointed elsewhere holds none, or an older
 * one, while the mirror holds the task's life: the mirror's record is written into the log first,
 * so the next attempt's number and the record's version continue past every earlier run's (an
 * attempt restarted at 1 would overwrite the first run's `1/…` artifacts in the mirror, and a
 * version behind the mirror's would read as another writer's). A mirror that cannot be read is not
 * taken for one without the task (`continueUnread`). Any other read or write failing leaves the
 * log's record as it was (the caller warns of the mirror's problems on its own sync).
 */
export async function continueFromMirror(params: {
  taskId: string;
  log: TaskStore;
  mirror?: TaskStore | undefined;
  /** The mirror's artifacts, whose attempts a run must not reuse when its tasks table cannot be read. */
  artifacts?: Pick<ArtifactStore, 'list'> | undefined;
  /** The task's repository (`owner/repo`), where its artifacts are kept. */
  repo?: string;
  warn?: (line: string) => void;
  now?: () => Date;
}): Promise<TaskRecord | undefined> {
  const local = await params.log.get(params.taskId).catch(() => undefined);
  if (params.mirror === undefined) return local;
  const read = await params.mirror.get(params.taskId).then(
    (record) => ({ record }),
    (error: unknown) => ({ error }),
  );
  if ('error' in read) return continueUnread({ ...params, local, error: read.error });
  const mirrored = read.record;
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

/**
 * The mirror's tasks table could not be read: it may hold attempts the out folder does not. The
 * mirror's artifacts name the attempts taken (`<attempt>/…` keys); when they reach past the log's,
 * the log records the highest as started, so the next attempt comes after it and never writes over
 * an earlier attempt's artifacts. Said either way (`warn`); when the artifacts cannot be listed
 * either, the run goes on from the log's record and says attempt numbers may repeat.
 */
async function continueUnread(params: {
  taskId: string;
  log: TaskStore;
  local: TaskRecord | undefined;
  error: unknown;
  artifacts?: Pick<ArtifactStore, 'list'> | undefined;
  repo?: string;
  warn?: (line: string) => void;
  now?: () => Date;
}): Promise<TaskRecord | undefined> {
  const { local, taskId } = params;
  const reason = params.error instanceof Error ? params.error.message : String(params.error);
  const warn = (line: string) =>
    params.warn?.(`The mirror's tasks table could not be read (${reason}); ${line}`);
  const repo = params.repo ?? local?.repo;
  const listed =
    params.artifacts === undefined || repo === undefined
      ? undefined
      : await params.artifacts.list({ repo, taskId }).catch(() => undefined);
  if (listed === undefined || repo === undefined) {
    warn('its artifacts could not be listed either, so this attempt may reuse an earlier run’s number.');
    return local;
  }
  const taken = Math.max(0, ...listed.map((artifact) => artifact.attempt));
  if (taken <= (local?.attempt ?? 0)) return local;
  warn(`its artifacts hold attempts up to ${taken}, so this run continues after attempt ${taken}.`);
  const at = (params.now?.() ?? new Date()).toISOString();
  const base =
    local ?? applyTaskEvent(undefined, { type: 'task_received', task_id: taskId, at, repo }).record;
  const seeded = applyTaskEvent(base, {
    type: 'attempt_started',
    task_id: taskId,
    at,
    attempt: taken,
  }).record;
  try {
    await params.log.put({ ...seeded, ...logBookkeepingOf(local) }, local?.version ?? 0);
    return seeded;
  } catch {
    return local;
  }
}
