/**
 * The app's fast path for `/cancel` (one process, DESIGN §14 "one process"): the cancel use case
 * raises the task's signal after it has written `cancelled` to the status comment, and a run of
 * that task sees it at its next step without an API call. The status comment stays the truth; a
 * runtime without shared memory (the Action) reads it back instead (`createCancelWatch`).
 */
export interface CancelSignals {
  /** Marks `taskId` (`owner/repo#issue`) as cancelled now. */
  raise(taskId: string): void;
  /** How many times the task was cancelled in this process: a run notes it at its start and compares. */
  count(taskId: string): number;
}

export function createCancelSignals(): CancelSignals {
  const counts = new Map<string, number>();
  return {
    raise(taskId) {
      counts.set(taskId, (counts.get(taskId) ?? 0) + 1);
    },
    count(taskId) {
      return counts.get(taskId) ?? 0;
    },
  };
}
