import { redactJsonStrings } from '../secrets/redact-json-strings.js';
import { NOT_SCANNED_MARKER } from '../task/redact-event-text.js';
import { reasonCodeOf } from './outcome-reason-code.js';
import { OUTCOME_RESULT_VERSION, toOutcomeResult, type OutcomeResult } from './outcome-result.js';
import type { TaskOutcome } from './task-outcome.js';

/**
 * The Action's `result` output (`toOutcomeResult`) with every string in it redacted
 * (`redactJsonStrings`), as the record the mirrors keep is (`redactEventText`): an outcome's
 * message, details and deploy report carry model, requester and stack text, and a workflow's
 * outputs go to logs, later steps and other jobs. When the scanner fails, only what the agent
 * made goes out (version, status, reason code) with `NOT_SCANNED_MARKER` as the message: a text
 * not checked never leaves. Never throws.
 */
export async function redactedOutcomeResult(
  outcome: TaskOutcome,
): Promise<OutcomeResult | { version: number; status: string; reasonCode: string; message: string }> {
  const result = toOutcomeResult(outcome);
  return redactJsonStrings(result).catch(() => ({
    version: OUTCOME_RESULT_VERSION,
    status: outcome.status,
    reasonCode: reasonCodeOf(outcome),
    message: NOT_SCANNED_MARKER,
  }));
}
