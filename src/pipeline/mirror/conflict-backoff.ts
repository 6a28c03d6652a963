/** The first pause's upper bound, in milliseconds; each retry doubles it. */
const BACKOFF_BASE_MS = 20;
/** No single pause exceeds this, in milliseconds. */
const BACKOFF_CAP_MS = 1_000;

/**
 * The pause before retry `retry` (1 for the first) of a write that lost a conditional-write race:
 * "full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015): uniform in
 * [0, min(cap, base·2^(retry-1))) milliseconds, so writers that collided once spread out instead of
 * colliding again in lock step. The SDK's own retry strategy (`@smithy/core/retry`) backs off
 * transient errors only; a version conflict is an answer, not an error it retries.
 */
export function conflictBackoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Waits `conflictBackoffMs(retry)`. */
export function pauseAfterConflict(retry: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, conflictBackoffMs(retry)));
}
