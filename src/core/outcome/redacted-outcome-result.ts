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
 * not checked never leaves. A deploy's stack outputs are left out: an output may echo a NoEcho
 * parameter's value, which CloudFormation does not mask there (AWS CloudFormation User Guide,
 * *Parameters*, NoEcho) and no scanner knows for a secret; the deployment store keeps them, masked
 * (`redactDeployment`), and the environment URL is an output of its own. Never throws.
 */
export async function redactedOutcomeResult(
  outcome: TaskOutcome,
): Promise<OutcomeResult | { version: number; status: string; reasonCode: string; message: string }> {
  const result = withoutStackOutputs(toOutcomeResult(outcome));
  return redactJsonStrings(result).catch(() => ({
    version: OUTCOME_RESULT_VERSION,
    status: outcome.status,
    reasonCode: reasonCodeOf(outcome),
    message: NOT_SCANNED_MARKER,
  }));
}

/** The result without the deploy report's stack outputs (a `DeployResult` passed as the report carries them). */
function withoutStackOutputs(result: OutcomeResult): OutcomeResult {
  if (!('result' in result) || result.result === undefined || !('outputs' in result.result)) return result;
  const { outputs: _outputs, ...report } = result.result;
  return { ...result, result: report };
}
