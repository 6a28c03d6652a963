import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import type { RequestPayload } from '../../core/request/execution-request.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { TaskState } from '../../core/state/task-state.js';
import type { UnsentDeployment } from '../../core/state/unsent-deployment.js';
import type { TaskRecord } from '../../core/task/task-record.js';
import type { TokenUsage } from '../../generation/model-provider.js';
import type { ClearableField, MarkerPatch } from './marker-patch.js';
import type { TaskStep } from './task-step.js';

export { createStatusBoard, SETTLE_MS } from './create-status-board.js';
export type { TaskStep } from './task-step.js';

/**
 * The one status comment as a state machine over the task record (DESIGN §3): every move
 * is checked against the transition table, turned into the record's events, written to the
 * comment (whose marker carries the record and its `version`), then to the mirrors; `pass` records
 * a step without spending an API call on it. Every move also records the board's `trigger`
 * (`triggerKeyOf`) as handled, so the same trigger is never carried out twice.
 */
export interface StatusBoard {
  readonly current: TaskMarker | undefined;
  /** The record the last written status shows; `undefined` before a new task's first move. */
  readonly record: TaskRecord | undefined;
  pass(state: TaskState): void;
  /**
   * `clear` drops fields the new state must not carry over (e.g. a request source that changed).
   * `unhandled`: the run stopped on an unexpected error before carrying its trigger out, so the
   * trigger is left off the handled list and a redelivery of it tries again. `request` names the
   * task on the record when the move (re)starts it; `usage` adds a generation's usage; `steps` are
   * other events (deploys) applied before the move; `outcome` is the use case's result, kept as the
   * record's last outcome.
   */
  move(
    state: TaskState,
    options?: {
      patch?: MarkerPatch;
      clear?: readonly ClearableField[];
      details?: string;
      unhandled?: boolean;
      request?: RequestPayload;
      usage?: { readonly model: string; readonly usage: TokenUsage };
      steps?: readonly TaskStep[];
      outcome?: TaskOutcome;
    },
  ): Promise<void>;
  /**
   * Applies `steps` (a deploy run's) to the record without moving the task state, and shows them by
   * replacing only the comment's deploy section and marker (`withDeploySection`): a run that did
   * not write the comment keeps what it says. Then the mirrors and the bus, as after a move.
   * `unsentDeployments`: deployment records the run's store did not take, kept in the marker until
   * a later step re-sends them. `refused`: the record took none of the steps (an illegal deploy
   * move), and nothing was written; `warning`: a mirror fell behind; `note`: what earlier unsent
   * artifacts or records were re-sent or lost (the comment's body is kept, so the caller shows it).
   * Throws what the comment write throws.
   */
  recordSteps(
    steps: readonly TaskStep[],
    options?: { unsentDeployments?: readonly UnsentDeployment[] },
  ): Promise<{ refused?: string; warning?: string; note?: string }>;
}
