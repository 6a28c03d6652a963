import { TaskVersionConflictError, type TaskStore } from '../../core/stores/task-store.js';
import { TaskEventConflictError, type TaskEventStore } from '../../core/stores/task-event-store.js';
import { migrateFormerTask } from './migrate-former-task.js';
import { mergeEnvironmentDeploys } from '../../core/task/merge-environment-deploys.js';
import { isSameDocument, isSameEvent } from '../../core/task/same-event.js';
import type { TaskEvent } from '../../core/task/task-event.js';
import { logBookkeepingOf, withoutPendingEvents, type TaskRecord } from '../../core/task/task-record.js';

/** What a mirror write cost, for the bench and the log: items written and their JSON bytes. */
export interface MirrorWrites {
  readonly writes: number;
  readonly bytes: number;
}

export type MirrorSyncResult =
  | (MirrorWrites & { readonly status: 'in-sync' | 'caught-up' })
  /** The mirror could not be written; the task goes on, and the next sync writes what is missing. */
  | (MirrorWrites & { readonly status: 'behind'; readonly warning: string });

/**
 * Brings a mirror (the DynamoDB tables) up to the task as its source knows it, by re-derivation
 * rather than a journal (DESIGN §3, issue #10 item 6): read the mirror's record version, append the
 * events after it (appends are idempotent, so a half-finished earlier sync is simply redone), then
 * write the record, on condition of the version read. The mirror's record version therefore never
 * runs ahead of its events. The tables may also be a task's own log (a deploy run's journal on a
 * task no status comment carries): the record written over keeps that log's bookkeeping
 * (`pending_events`, `unsent_events`), so its unsent events stay until its next step sends them.
 * Never throws: a failure (after the SDK's own retries) comes back as a warning for the status comment.
 */
export async function syncTaskMirror(params: {
  record: TaskRecord;
  /** The source's events of this task; those the mirror already holds are skipped. */
  events: readonly TaskEvent[];
  mirror: { readonly tasks?: TaskStore; readonly events?: TaskEventStore };
  /**
   * The task's id as spelled before ids were canonical or before a case-only rename (a marker's
   * `Acme/Shop#7`): its records are migrated to the record's id first (`migrateFormerTask`).
   */
  formerTaskId?: string | undefined;
  /** `formerTaskId` is the repository's former name, judged by its id (`migrateFormerTask`). */
  renamed?: boolean | undefined;
}): Promise<MirrorSyncResult> {
  const { mirror } = params;
  // A record read from a task's own log carries that log's bookkeeping: never mirrored, never compared.
  const source = withoutPendingEvents(params.record);
  let writes = 0;
  let bytes = 0;
  const count = (item: unknown) => {
    writes += 1;
    bytes += Buffer.byteLength(JSON.stringify(item), 'utf8');
  };
  /** Whether an offered event found another event at its key (another run's): it can never go there. */
  let conflicted = false;
  const append = async (event: TaskEvent) => {
    if (mirror.events === undefined) return;
    try {
      if ((await mirror.events.append(event)) === 'appended') count(event);
    } catch (error) {
      // Skipped, as `appendMissingBelow` and `recordTaskEvent` do: thrown, it would stop every later sync here.
      if (!(error instanceof TaskEventConflictError)) throw error;
      conflicted = true;
    }
  };
  try {
    if (mirror.tasks !== undefined)
      await migrateFormerTask({
        tasks: mirror.tasks,
        events: mirror.events,
        taskId: source.task_id,
        formerTaskId: params.formerTaskId,
        renamed: params.renamed,
      });
    // Without a tasks table nothing says how far the events got: every event is offered again.
    const stored = await mirror.tasks?.get(source.task_id);
    const mirrored = stored?.version ?? 0;
    // Deploy state only the mirror holds (an older deploy path wrote it there alone) is never dropped:
    // per environment, the entry updated last wins.
    const record = withMirroredDeploys(source, stored);
    if (stored !== undefined && mirrored >= record.version) {
      if (mirrored === record.version && isSameDocument(withoutPendingEvents(stored), record))
        return { status: 'in-sync', writes, bytes };
      if (!(await anotherWriter({ stored, record, events: params.events, mirror }))) {
        // Ahead only by deploys written past the comment: the source's record, with the mirror's
        // deploy state merged in, replaces it, at a version above it so no reader takes it for older.
        for (const event of params.events) await append(event);
        const { version: _ignored, ...rest } = withoutPendingEvents(stored);
        if (!isSameDocument({ ...rest, updated_at: '' }, { ...record, version: undefined, updated_at: '' })) {
          const ahead = { ...record, version: mirrored + 1 };
          const put = await putUnlessNewer({ tasks: mirror.tasks!, record: ahead, read: stored });
          if (put.lostTo !== undefined) {
            return { status: 'behind', warning: anotherRunWarning(put.lostTo, ahead), writes, bytes };
          }
          count(ahead);
        }
        if (conflicted)
          return { status: 'behind', warning: anotherRunWarning(mirrored, record), writes, bytes };
        return { status: writes === 0 ? 'in-sync' : 'caught-up', writes, bytes };
      }
      // Another writer took a different step from the same version (two runs on one task at once):
      // its record stays, and this run's events go beside its own (their keys differ), never dropped.
      for (const event of params.events) await append(event);
      return { status: 'behind', warning: anotherRunWarning(mirrored, record), writes, bytes };
    }
    // Events at or below the mirror's version are there already, unless another run's took their
    // sequences (two runs raced while this one's mirror was out): those go beside them.
    const beside = await appendMissingBelow({ events: params.events, mirrored, mirror, count });
    for (const event of params.events) if (event.sequence > mirrored) await append(event);
    if (mirror.tasks !== undefined) {
      const put = await putUnlessNewer({ tasks: mirror.tasks, record, read: stored });
      if (put.lostTo !== undefined) {
        return { status: 'behind', warning: anotherRunWarning(put.lostTo, record), writes, bytes };
      }
      count(record);
    }
    if (beside || conflicted)
      return { status: 'behind', warning: anotherRunWarning(mirrored, record), writes, bytes };
    return { status: writes === 0 ? 'in-sync' : 'caught-up', writes, bytes };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      status: 'behind',
      warning: `The task mirror could not be written (${reason}); the task goes on, and the next event catches the mirror up.`,
      writes,
      bytes,
    };
  }
}

/** `record` with the deploy state of `stored` (the mirror's) merged in, per environment the latest. */
function withMirroredDeploys(record: TaskRecord, stored: TaskRecord | undefined): TaskRecord {
  const environments = mergeEnvironmentDeploys(record.environments, stored?.environments) ?? {};
  return isSameDocument(environments, record.environments) ? record : { ...record, environments };
}

const DEPLOY_EVENTS: ReadonlySet<TaskEvent['type']> = new Set([
  'deploy_started',
  'deploy_finished',
  'deploy_rolled_back',
]);

/**
 * Whether the mirror's lead over the source is another run's step (a real concurrent writer), not
 * deploys an older deploy path wrote to the mirror alone: the mirror holds an event of another kind
 * than a deploy from where the source's unmirrored events start that the source does not hold.
 * Without a results table, the records are compared instead: anything but deploy state and time.
 */
async function anotherWriter(params: {
  stored: TaskRecord;
  record: TaskRecord;
  events: readonly TaskEvent[];
  mirror: { readonly events?: TaskEventStore };
}): Promise<boolean> {
  const { stored, record, events } = params;
  if (params.mirror.events === undefined) {
    const rest = (task: TaskRecord) => ({
      ...withoutPendingEvents(task),
      environments: {},
      version: 0,
      updated_at: '',
    });
    return !isSameDocument(rest(stored), rest(record));
  }
  const from = Math.min(record.version + 1, ...events.map((event) => event.sequence));
  const theirs = (await params.mirror.events.list(record.task_id)).filter(
    (event) => event.sequence >= from && !events.some((ours) => isSameEvent(ours, event)),
  );
  return theirs.some((event) => !DEPLOY_EVENTS.has(event.type));
}

/**
 * Appends the offered events at or below the mirror's version that the results table does not hold
 * (one read of the task's events, only when there are such events). `true` when another run's
 * events took those sequences; a deploy the older deploy path wrote to the mirror alone there is
 * not another run (see `anotherWriter`). An event whose key another event holds (the filesystem
 * store keys by sequence and step) can never be appended and is skipped, as `recordTaskEvent` does.
 */
async function appendMissingBelow(params: {
  events: readonly TaskEvent[];
  mirrored: number;
  mirror: { readonly events?: TaskEventStore };
  count: (item: unknown) => void;
}): Promise<boolean> {
  const { mirror } = params;
  const below = params.events.filter((event) => event.sequence <= params.mirrored);
  const first = below[0];
  if (mirror.events === undefined || first === undefined) return false;
  const held = await mirror.events.list(first.task_id);
  let another = false;
  for (const event of below) {
    if (held.some((stored) => isSameEvent(stored, event))) continue;
    another ||= held.some((stored) => stored.sequence === event.sequence && !DEPLOY_EVENTS.has(stored.type));
    try {
      if ((await mirror.events.append(event)) === 'appended') params.count(event);
    } catch (error) {
      if (!(error instanceof TaskEventConflictError)) throw error;
    }
  }
  return another;
}

function anotherRunWarning(stored: number, record: TaskRecord): string {
  return `The task mirror holds version ${stored} of task ${record.task_id}, written by another run at the same time, where this run wrote version ${record.version}; this run's steps were added to the results table beside it.`;
}

/**
 * Writes `record` on condition of the version of `read` (the record read; absent: none stored),
 * carrying `read`'s log bookkeeping (`logBookkeepingOf`). Another writer syncing the same task at
 * once may win: when what it wrote is at least as new, it stays, and `lostTo` names its version
 * unless it is this very record (the same step synced twice); an older one is replaced, on
 * condition of it and keeping its bookkeeping.
 */
async function putUnlessNewer(params: {
  tasks: TaskStore;
  record: TaskRecord;
  read: TaskRecord | undefined;
}): Promise<{ lostTo?: number }> {
  try {
    await params.tasks.put({ ...params.record, ...logBookkeepingOf(params.read) }, params.read?.version ?? 0);
    return {};
  } catch (error) {
    if (!(error instanceof TaskVersionConflictError)) throw error;
    const now = await params.tasks.get(params.record.task_id);
    const version = now?.version ?? 0;
    if (now !== undefined && version >= params.record.version) {
      const same =
        version === params.record.version && isSameDocument(withoutPendingEvents(now), params.record);
      return same ? {} : { lostTo: version };
    }
    await params.tasks.put({ ...params.record, ...logBookkeepingOf(now) }, version);
    return {};
  }
}
