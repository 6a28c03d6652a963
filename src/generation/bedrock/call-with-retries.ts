/** How hard to retry; `sleep` and `random` are swappable so tests neither wait nor guess. */
export interface RetryPolicy {
  /** Attempts after the first one. */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), like Math.random. */
  readonly random: () => number;
}

export const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Exponential backoff with "equal jitter": each wait is between half and all of the doubled cap,
 * so waits keep growing while concurrent callers still spread out.
 */
export async function callWithRetries<T>(params: {
  call: () => Promise<T>;
  isRetryable: (error: unknown) => boolean;
  policy: RetryPolicy;
}): Promise<T> {
  const { call, isRetryable, policy } = params;
  for (let retry = 0; ; retry += 1) {
    try {
      return await call();
    } catch (error) {
      if (retry >= policy.maxRetries || !isRetryable(error)) throw error;
      await policy.sleep(backoffDelayMs({ policy, retry }));
    }
  }
}

function backoffDelayMs(params: { policy: RetryPolicy; retry: number }): number {
  const { policy, retry } = params;
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(cap / 2 + (policy.random() * cap) / 2);
}
