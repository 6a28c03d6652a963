/** The commit trailer naming the task a CLI commit belongs to (`Implementation-Task: <task id>`). */
export const TASK_TRAILER = 'Implementation-Task';
/** The commit trailer naming the attempt that made a CLI commit (`Implementation-Attempt: <n>`). */
export const ATTEMPT_TRAILER = 'Implementation-Attempt';
/**
 * Highest attempt count a run goes past: a record showing more (a forged or runaway count) stops
 * the run (`attemptAfter`), so the last attempt a run makes is `MAX_ATTEMPT + 1`.
 */
export const MAX_ATTEMPT = 1_000_000;
/**
 * Highest attempt number read back (7 digits). It is above every attempt a run writes
 * (`MAX_ATTEMPT + 1`), so whatever the code writes parses back and attempts never repeat; a
 * longer number is taken for noise, not a count.
 */
export const MAX_READABLE_ATTEMPT = 9_999_999;

/** Throws a `RangeError` unless `attempt` is a whole number 1…`MAX_READABLE_ATTEMPT` (one that parses back). */
export function assertWritableAttempt(attempt: number): void {
  if (!Number.isSafeInteger(attempt) || attempt < 1 || attempt > MAX_READABLE_ATTEMPT)
    throw new RangeError(`Attempt ${attempt} cannot be recorded: attempts run 1…${MAX_READABLE_ATTEMPT}.`);
}

/**
 * The attempt a run makes after the `highest` one the record shows (`highest + 1`). Throws an
 * `Error` saying so when `highest` is past `MAX_ATTEMPT`: going on would write a number the next
 * read may not take, and attempts would repeat. Pure.
 */
export function attemptAfter(highest: number): number {
  if (highest > MAX_ATTEMPT)
    throw new Error(
      `The task's record shows attempt ${highest}, past the ${MAX_ATTEMPT} attempts a task may make; no new attempt is started (check the branch's ${ATTEMPT_TRAILER} trailers).`,
    );
  return Math.max(0, highest) + 1;
}

/**
 * `message` with the task's id and attempt as git trailers (a last paragraph of `Key: value`
 * lines), so the branch itself says which attempts of the task it holds (`git log
 * --format=%(trailers)`). Throws a `RangeError` for an attempt that would not parse back
 * (`assertWritableAttempt`). Pure.
 */
export function withAttemptTrailers(message: string, taskId: string, attempt: number): string {
  assertWritableAttempt(attempt);
  return `${message}\n\n${TASK_TRAILER}: ${taskId}\n${ATTEMPT_TRAILER}: ${attempt}`;
}

/** An attempt number as a trailer or file holds it: a whole number 1…`MAX_READABLE_ATTEMPT`, else 0. Pure. */
export function parseAttempt(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return 0;
  const attempt = Number(trimmed);
  return attempt >= 1 && attempt <= MAX_READABLE_ATTEMPT ? attempt : 0;
}
