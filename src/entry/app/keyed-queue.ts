/**
 * Runs jobs one at a time per key (one issue's events in order, none dropped) and different keys
 * side by side, so a webhook can be acknowledged at once while its work continues.
 */
export interface KeyedQueue {
  push(key: string, job: () => Promise<unknown>): void;
  /** Resolves once every job pushed so far has finished. */
  idle(): Promise<void>;
}

export function createKeyedQueue(onError: (error: unknown, key: string) => void): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  // A failing error reporter must not reject the tail: every later job of the key would be skipped.
  const report = (error: unknown, key: string) => {
    try {
      onError(error, key);
    } catch {
      // Nothing left to tell; the next job still runs.
    }
  };
  return {
    push(key, job) {
      const previous = tails.get(key) ?? Promise.resolve();
      const tail = previous
        .then(job)
        .then(
          () => undefined,
          (error: unknown) => report(error, key),
        )
        .finally(() => {
          if (tails.get(key) === tail) tails.delete(key);
        });
      tails.set(key, tail);
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
