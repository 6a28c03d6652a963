/** The log line for a transient AWS answer a poll is about to retry: "Throttling: Rate exceeded; checking again". */
export function describeTransientError(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return `AWS answered ${name}: ${message}; checking again`;
}

/** " (the last look got Throttling: Rate exceeded)" for a poll that timed out on a transient answer, else "". */
export function lastLookNote(lastError: unknown): string {
  if (lastError === undefined) return '';
  const name = lastError instanceof Error ? lastError.name : 'Error';
  const message = lastError instanceof Error ? lastError.message : String(lastError);
  return ` (the last look got ${name}: ${message})`;
}
