import { isTransientAwsError } from '../is-transient-aws-error.js';

export type Sleep = (ms: number) => Promise<void>;
export type Now = () => number;

/** Exponential backoff between polls, capped so a long operation is still checked regularly. */
export interface PollBackoff {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export type PollOutcome<T> =
  | { readonly done: true; readonly value: T }
  /** The deadline passed; `lastError` is the transient answer the last check got, if it got one. */
  | { readonly done: false; readonly lastError?: unknown };

/**
 * Calls `check` until it returns a value or the deadline passes. The check always runs once more
 * after the last sleep, so an operation that finishes right at the deadline is not reported late.
 * A check that throws a transient error (throttling, a 5xx, a dropped connection; see
 * `isTransientAwsError`, or the caller's own `isTransient`, e.g. a change set not yet visible) is
 * retried like an unfinished one; any other error ends the poll by propagating.
 */
export async function pollUntil<T>(params: {
  check: () => Promise<T | undefined>;
  deadline: number;
  backoff: PollBackoff;
  sleep: Sleep;
  now: Now;
  /** Errors worth another check besides the SDK's transient ones. */
  isTransient?: (error: unknown) => boolean;
  /** Told about each transient error before the poll waits and checks again. */
  onTransientError?: (error: unknown) => void;
}): Promise<PollOutcome<T>> {
  const { deadline, backoff, sleep, now } = params;
  const transient = (error: unknown) => isTransientAwsError(error) || (params.isTransient?.(error) ?? false);
  let lastError: unknown;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const value = await params.check();
      if (value !== undefined) return { done: true, value };
      lastError = undefined;
    } catch (error) {
      if (!transient(error)) throw error;
      params.onTransientError?.(error);
      lastError = error;
    }
    const remaining = deadline - now();
    if (remaining <= 0) return lastError === undefined ? { done: false } : { done: false, lastError };
    const delay = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** attempt);
    await sleep(Math.min(delay, remaining));
  }
}
