import { redactSecrets } from '../secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../task/redact-event-text.js';
import type { TaskOutcome } from './task-outcome.js';

/**
 * The change set in full for the Action's job summary, `undefined` unless the status comment had
 * to cut it (`changeSummary.truncated`). Redacted like the `result` output
 * (`redactedOutcomeResult`): its rows name resources, properties and physical ids the template
 * and the stack chose, and a job summary is shown to everyone who can read the run. When the
 * scanner fails the text is `NOT_SCANNED_MARKER`: a text not checked never leaves. Never throws.
 */
export async function redactedFullChangeSet(outcome: TaskOutcome): Promise<string | undefined> {
  const changeSet = 'result' in outcome ? outcome.result?.changeSummary : undefined;
  if (changeSet?.truncated !== true) return undefined;
  return redactSecrets(changeSet.fullText).catch(() => NOT_SCANNED_MARKER);
}
