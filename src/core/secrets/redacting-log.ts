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
 * Every redacting log made so far, by its `log` function: a log that already redacts is not
 * wrapped again, so a line crossing nested layers (the Action's reporter, a deploy run, the stack
 * deploy inside it) is scanned once, at the sink, not once per layer.
 */
const REDACTING = new WeakMap<(line: string) => void, RedactingLog>();

/**
 * `log` behind the shared redaction, the very path artifacts take (`redactJsonStrings`): every
 * line is scanned as written and with the JSON written inside it decoded (a stack event's status
 * reason quoting `"{\"aws_secret_access_key\":\"…\"}"`, escaped twice or cut off), lines keep
 * their order, and a line the scanner fails on is written as `NOT_SCANNED_MARKER`, so a text not
 * checked never reaches the log. For the logs of deploy runs, which carry text the template and
 * parameters chose (change sets, stack events' status reasons, outputs, AWS error messages) and
 * are shown to everyone who can read the run. A line the wrapped log throws on is dropped; later
 * lines still go. Await `flush` before the run ends.
 *
 * Idempotent: given the `log` of a redacting log, it returns that redacting log itself, so each
 * line is redacted exactly once however many layers ask for a redacting log (redacting twice
 * costs a second scan of every line and scans the first pass's markers as text).
 */
export function redactingLog(log: (line: string) => void): RedactingLog {
  const known = REDACTING.get(log);
  if (known !== undefined) return known;
  let written: Promise<void> = Promise.resolve();
  const redacting: RedactingLog = {
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
  REDACTING.set(redacting.log, redacting);
  return redacting;
}
