import type { TaskState } from '../state/task-state.js';
import { taskRecordSchema, type TaskRecord } from '../task/task-record.js';

/**
 * Where task records live (DESIGN §11): the `ImplementationTasks` table, or a local folder. Writes
 * are optimistic: each names the version it read, so two writers never overwrite each other
 * silently; the loser re-reads and re-applies (`recordTaskEvent`).
 */
export interface TaskStore {
  get(taskId: string): Promise<TaskRecord | undefined>;
  /**
   * Writes `record` when the stored version is `expectedVersion` (0: nothing stored yet), and throws
   * `TaskVersionConflictError` when it is not. `record.version` must be above `expectedVersion`;
   * with `bookkeeping`, equal to it: a write of a task log's own bookkeeping alone (`unsent_events`
   * once the bus took them), which moves no step, still conditional on the version read.
   */
  put(record: TaskRecord, expectedVersion: number, options?: TaskPutOptions): Promise<void>;
  /**
   * Counts a step of the task about to be parked (`ParkedStep`): adds 1 to the record's
   * `parked_count` atomically, outside the version check (it never conflicts, and it moves no
   * version). The count is the store's own: `put` never lowers or drops it (a put from a record
   * read before the count fails as a conflict, or keeps the stored count), so every read after a
   * step is parked sees a count above 0, and a writer may skip the parked-steps query on 0
   * (`recordTaskEvent`). No-op for a task with no record (no write has conflicted on it, so nothing
   * of it is parked).
   */
  countParked(taskId: string): Promise<void>;
  /**
   * One repository's tasks in one state (the table's `repo` + `status` index), in no set order;
   * `repo` in any case GitHub spells it (`keyRepository`: a CLI task's `local/<folder>` as it is).
   */
  listByStatus(params: { repo: string; status: TaskState }): Promise<TaskRecord[]>;
}

/** Someone else wrote the record since it was read: read it again and re-apply the change. */
export class TaskVersionConflictError extends Error {
  constructor(
    readonly taskId: string,
    readonly expectedVersion: number,
  ) {
    super(
      `Task ${taskId} changed since version ${expectedVersion} was read; read it again and re-apply the change.`,
    );
    this.name = 'TaskVersionConflictError';
  }
}

export interface TaskPutOptions {
  /** The write changes the log's bookkeeping only: the record keeps the version read. */
  readonly bookkeeping?: boolean;
}

/**
 * A write that could never succeed: a version that does not move forward (or, for a bookkeeping
 * write, one that is not the version read), or a record its store's own reader would refuse
 * (`taskRecordSchema`: say a version past `MAX_RECORD_VERSION`), which would leave the task's
 * mirror unreadable for every later run. Throws `RangeError`.
 */
export function assertVersionMovesForward(
  record: TaskRecord,
  expectedVersion: number,
  options?: TaskPutOptions,
): void {
  const readable = taskRecordSchema.safeParse(record);
  if (!readable.success) {
    const problems = readable.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new RangeError(
      `Task ${record.task_id}: the record is not written, its reader would refuse it (${problems.join('; ')}).`,
    );
  }
  const valid = Number.isSafeInteger(expectedVersion) && expectedVersion >= 0;
  if (options?.bookkeeping === true) {
    if (valid && expectedVersion > 0 && record.version === expectedVersion) return;
    throw new RangeError(
      `Task ${record.task_id}: a bookkeeping write keeps the version read (${expectedVersion}), not ${record.version}.`,
    );
  }
  if (!valid || record.version <= expectedVersion) {
    throw new RangeError(
      `Task ${record.task_id}: version ${record.version} does not follow the version read (${expectedVersion}).`,
    );
  }
}
