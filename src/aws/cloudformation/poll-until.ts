export type Sleep = (ms: number) => Promise<void>;
export type Now = () => number;

/** Exponential backoff between polls, capped so a long operation is still checked regularly. */
export interface PollBackoff {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export type PollOutcome<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/**
 * Calls `check` until it returns a value or the deadline passes. The check always runs once more
 * after the last sleep, so an operation that finishes right at the deadline is not reported late.
 */
export async function pollUntil<T>(params: {
  check: () => Promise<T | undefined>;
  deadline: number;
  backoff: PollBackoff;
  sleep: Sleep;
  now: Now;
}): Promise<PollOutcome<T>> {
  const { check, deadline, backoff, sleep, now } = params;
  for (let attempt = 0; ; attempt += 1) {
    const value = await check();
    if (value !== undefined) return { done: true, value };
    const remaining = deadline - now();
    if (remaining <= 0) return { done: false };
    const delay = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** attempt);
    await sleep(Math.min(delay, remaining));
  }
}
