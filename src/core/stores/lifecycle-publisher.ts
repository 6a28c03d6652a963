import type { LifecycleEvent } from '../task/lifecycle-event.js';

/**
 * Where lifecycle events go (DESIGN §11; the configured EventBridge bus). `publish` sends all or
 * throws: a caller treats a throw as a mirror warning, never as the task's failure.
 */
export interface LifecyclePublisher {
  publish(events: readonly LifecycleEvent[]): Promise<void>;
}
