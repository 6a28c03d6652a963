/** The one outcome type lives in core (`core/outcome/task-outcome.ts`); the pipeline's modules import it from here. */
export { isFailureOutcome, type TaskOutcome } from '../../core/outcome/task-outcome.js';
