import { outcomeMessage } from './outcome-message.js';
import { reasonCodeOf, type OutcomeReasonCode } from './outcome-reason-code.js';
import type { TaskOutcome } from './task-outcome.js';

/**
 * Version of the Action's `result` JSON; additions (a field, a status, a reason code) keep the
 * version, a removed or renamed field raises it (README, *The `result` output*).
 * - 1: the outcome's own fields (`status`, `taskId`, `pullNumber`, ...) with `reasonCode` and
 *   `message` added beside them; a deploy's report (`result`) carried the stack's `outputs`.
 * - 2: as 1, but a deploy's report no longer carries `outputs` (`redactedOutcomeResult`: an
 *   output may echo a NoEcho parameter; the deployments store keeps them, masked).
 * A task record's `last_outcome.version` is the version it was summarized at.
 */
export const OUTCOME_RESULT_VERSION = 2;

export type OutcomeResult = TaskOutcome & {
  readonly version: typeof OUTCOME_RESULT_VERSION;
  readonly reasonCode: OutcomeReasonCode;
  readonly message: string;
};

/** The outcome as the Action's `result` output: versioned, with its reason code and one-line message. */
export function toOutcomeResult(outcome: TaskOutcome): OutcomeResult {
  return {
    version: OUTCOME_RESULT_VERSION,
    ...outcome,
    reasonCode: reasonCodeOf(outcome),
    message: outcomeMessage(outcome),
  };
}
