import { outcomeMessage } from './outcome-message.js';
import { reasonCodeOf, type OutcomeReasonCode } from './outcome-reason-code.js';
import type { TaskOutcome } from './task-outcome.js';

/**
 * Version of the Action's `result` JSON. Version 1 is the outcome's own fields (`status`,
 * `taskId`, `pullNumber`, ...) with `reasonCode` and `message` added beside them; additions keep the
 * version, a removed or renamed field raises it.
 */
export const OUTCOME_RESULT_VERSION = 1;

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
