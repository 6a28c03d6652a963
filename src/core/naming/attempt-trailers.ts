/** The commit trailer naming the task a CLI commit belongs to (`Implementation-Task: <task id>`). */
export const TASK_TRAILER = 'Implementation-Task';
/** The commit trailer naming the attempt that made a CLI commit (`Implementation-Attempt: <n>`). */
export const ATTEMPT_TRAILER = 'Implementation-Attempt';
/** Highest attempt number read back from a repository; a larger one is taken for noise, not a count. */
export const MAX_ATTEMPT = 1_000_000;

/**
 * `message` with the task's id and attempt as git trailers (a last paragraph of `Key: value`
 * lines), so the branch itself says which attempts of the task it holds (`git log
 * --format=%(trailers)`). Pure.
 */
export function withAttemptTrailers(message: string, taskId: string, attempt: number): string {
  return `${message}\n\n${TASK_TRAILER}: ${taskId}\n${ATTEMPT_TRAILER}: ${attempt}`;
}

/** An attempt number as a trailer or file holds it: a whole number 1…`MAX_ATTEMPT`, else 0. Pure. */
export function parseAttempt(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return 0;
  const attempt = Number(trimmed);
  return attempt >= 1 && attempt <= MAX_ATTEMPT ? attempt : 0;
}
