import type { OutcomeSummary } from '../outcome/outcome-summary.js';
import { redactJsonStrings } from '../secrets/redact-json-strings.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../secrets/secret-markers.js';

export { NOT_SCANNED_MARKER };

/** The free text a task event (or a step before it has its task id) can bring into the record. */
interface TextFields {
  task_name?: string;
  outcome?: OutcomeSummary;
  environment_url?: string;
}

/**
 * `event` with its free text redacted (`redactSecrets`, as the prompt sent to the model is): the
 * request's `task_name`, every string of an `outcome` (`redactJsonStrings`) and a deploy's
 * `environment_url`. The record keeps these and goes to the status marker, the mirrors, the bus and
 * the CLI's `record.json`. Other fields are ids, states, numbers or names the agent made. Never
 * throws: a text the scanner fails on is replaced by `NOT_SCANNED_MARKER`.
 */
export async function redactEventText<T extends object>(event: T): Promise<T> {
  const fields: TextFields = event;
  const redacted: TextFields = {};
  if (fields.task_name !== undefined) redacted.task_name = await redactText(fields.task_name);
  if (fields.environment_url !== undefined)
    redacted.environment_url = await redactText(fields.environment_url);
  if (fields.outcome !== undefined) {
    const { version, status, reasonCode } = fields.outcome;
    redacted.outcome = await redactJsonStrings(fields.outcome).catch(() => ({
      version,
      status,
      reasonCode,
      message: NOT_SCANNED_MARKER,
    }));
  }
  return { ...event, ...redacted };
}

function redactText(text: string): Promise<string> {
  return redactSecrets(text).catch(() => NOT_SCANNED_MARKER);
}
