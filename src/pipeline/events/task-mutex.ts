/**
 * Runs work on one task at a time within a process: a trigger that arrives while a generation for
 * the same task is under way waits for it (joins it) and then finds the task's new state, instead
 * of starting a second generation. The app's queue already orders one issue's events; this also
 * covers work that reaches a task from elsewhere (a dispatch, once it has found or opened its issue).
 */
export interface TaskMutex {
  run<T>(taskId: string, work: () => Promise<T>): Promise<T>;
}

export function createTaskMutex(): TaskMutex {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run(taskId, work) {
      const previous = tails.get(taskId) ?? Promise.resolve();
      // The next caller waits for this work however it ends; this caller sees its own outcome.
      const result = previous.then(work, work);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(taskId, tail);
      try {
        return await result;
      } finally {
        if (tails.get(taskId) === tail) tails.delete(taskId);
      }
    },
  };
}
