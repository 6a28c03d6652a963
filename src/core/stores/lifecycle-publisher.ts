import type { LifecycleEvent } from '../task/lifecycle-event.js';

/**
 * Where lifecycle events go (DESIGN §11; the configured EventBridge bus). `publish` sends all or
 * throws: a caller treats a throw as a mirror warning, never as the task's failure, and keeps what
 * was not sent (`unsentOf`) to send it with the next step.
 */
export interface LifecyclePublisher {
  publish(events: readonly LifecycleEvent[]): Promise<void>;
}

/** A publish that sent only some events (or none): `unsent` are the ones the bus did not take, in order. */
export class LifecyclePublishError extends Error {
  constructor(
    message: string,
    readonly unsent: readonly LifecycleEvent[],
  ) {
    super(message);
    this.name = 'LifecyclePublishError';
  }
}

/** What a failed `publish(events)` left unsent: the error's own list, else (any other throw) all of `events`. */
export function unsentOf(error: unknown, events: readonly LifecycleEvent[]): readonly LifecycleEvent[] {
  return error instanceof LifecyclePublishError ? error.unsent : events;
}
