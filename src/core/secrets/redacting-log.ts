import { redactJsonStrings } from './redact-json-strings.js';
import { NOT_SCANNED_MARKER } from './secret-markers.js';

/** A log whose lines go out redacted, in the order they were written. */
export interface RedactingLog {
  /** Takes a line at once; it reaches the wrapped log once scanned. */
  readonly log: (line: string) => void;
  /** Resolves when every line taken so far has reached the wrapped log. Never rejects. */
  readonly flush: () => Promise<void>;
}

/**
 * `log` behind the shared redaction, the very path artifacts take (`redactJsonStrings`): every
 * line is scanned as written and with the JSON written inside it decoded (a stack event's status
 * reason quoting `"{\"aws_secret_access_key\":\"…\"}"`, escaped twice or cut off), lines keep
 * their order, and a line the scanner fails on is written as `NOT_SCANNED_MARKER`, so a text not
 * checked never reaches the log. For the logs of deploy runs, which carry text the template and
 * parameters chose (change sets, stack events' status reasons, outputs, AWS error messages) and
 * are shown to everyone who can read the run. A line the wrapped log throws on is dropped; later
 * lines still go. Await `flush` before the run ends.
 */
export function redactingLog(log: (line: string) => void): RedactingLog {
  let written: Promise<void> = Promise.resolve();
  return {
    log: (line) => {
      const scanned = redactJsonStrings(line).catch(() => NOT_SCANNED_MARKER);
      written = written.then(async () => {
        try {
          log(await scanned);
        } catch {
          // The sink's own failure: nothing to redact, and the next line still goes.
        }
      });
    },
    flush: () => written,
  };
}
