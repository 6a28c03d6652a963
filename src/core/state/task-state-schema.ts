import { z } from 'zod';
import { TASK_STATES } from './task-state.js';

/**
 * A task state as stored anywhere (markers, task records, task events). `held` was called
 * `awaiting_approval` before the review work (DESIGN §3); what was written under the old name
 * still reads, as `held`.
 */
export const taskStateSchema = z.preprocess(
  (value) => (value === 'awaiting_approval' ? 'held' : value),
  z.enum(TASK_STATES),
);
