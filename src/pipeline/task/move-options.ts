import type { UnsentDeployment } from '../../core/state/unsent-deployment.js';
import type { StatusBoard } from './status-board.js';

/** A move's options (`StatusBoard.move`) as the board commits them, with a deploy run's unsent records. */
export type MoveOptions = NonNullable<Parameters<StatusBoard['move']>[1]> & {
  /** Deployment records this step's run could not store (`recordSteps`). */
  unsentDeployments?: readonly UnsentDeployment[];
};
