import type { ParkedStep } from '../task/parked-step.js';
import type { TaskEvent } from '../task/task-event.js';

/**
 * A task's events, append-only (DESIGN §11: the `ImplementationResults` table, or a local folder).
 * Appending is idempotent: the same event again is `already-present`, so a writer catching a
 * mirror up may replay what it is unsure of. A different event at the same place is refused
 * (`TaskEventConflictError`): nothing is ever overwritten.
 */
export interface TaskEventStore {
  append(event: TaskEvent): Promise<'appended' | 'already-present'>;
  /** Every event of the task, in `sequence` order (parked steps are not events). */
  list(taskId: string): Promise<TaskEvent[]>;
  /**
   * Keeps a step no write of the task's record could take (`ParkedStep`), under its own key (`id`):
   * it never conflicts, and parking the same step again is a no-op. Never overwrites.
   */
  park(step: ParkedStep): Promise<void>;
  /** The task's parked steps, every one ever parked (taken in or not), in no set order. */
  listParked(taskId: string): Promise<ParkedStep[]>;
}

export class TaskEventConflictError extends Error {
  constructor(
    readonly taskId: string,
    readonly sequence: number,
  ) {
    super(`Task ${taskId} already holds a different event number ${sequence}; events are never overwritten.`);
    this.name = 'TaskEventConflictError';
  }
}
