import { redactSecrets } from './redact-secrets.js';
import { redactingLog } from './redacting-log.js';
import { NOT_SCANNED_MARKER } from './secret-markers.js';

/** A run's log and failure line (the Action's, the CLI's), both behind the shared redaction. */
export interface RedactingReporter {
  /** Takes a log line at once; it is written once scanned, in order (`redactingLog`). */
  readonly log: (line: string) => void;
  /** Writes every line taken so far, then fails the step with `message` redacted. */
  readonly fail: (message: string) => Promise<void>;
  /** Resolves when every line taken so far is written. Never rejects. */
  readonly flush: () => Promise<void>;
}

/**
 * A run's two ways out — the Action's `core.info` and `core.setFailed`, the CLI's standard output
 * and standard error — behind
 * `redactSecrets` (issue #10: tokens never reach logs), for every mode, not only deploy runs:
 * an error message can quote a token-bearing URL or a request's value, and `core.setSecret`
 * masks only the values the Action was given. A text the scanner fails on goes as NOT_SCANNED_MARKER.
 */
export function redactingReporter(sink: {
  info: (line: string) => void;
  setFailed: (message: string) => void;
}): RedactingReporter {
  const redacting = redactingLog(sink.info);
  return {
    log: redacting.log,
    flush: redacting.flush,
    fail: async (message) => {
      const shown = await redactSecrets(message).catch(() => NOT_SCANNED_MARKER);
      await redacting.flush();
      sink.setFailed(shown);
    },
  };
}
