import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './same-event.js';
import { taskEventBodySchema, type TaskEventBody } from './task-event.js';

/**
 * Steps a record carries as taken in from the parked ones (`adopted_steps`). Parking happens only
 * past `MAX_RECORD_ATTEMPTS` conflicting tries, so a task parks a handful in its life at most.
 */
export const MAX_ADOPTED_STEPS = 200;

/** A step's place in the batch it was recorded with: bounds a runaway batch. */
const MAX_BATCH_POSITION = 999;

/**
 * A step a writer could not fold into the task's record (other writers won every one of its
 * tries: `TaskStepContendedError`), kept in the results table beside the events under a key of its
 * own, which no other write can take, so it cannot conflict. The next writer of the task takes it
 * into the record (`recordTaskEvent`) and names it in the record's `adopted_steps`, so it is taken
 * in once. `position` orders the steps of one batch that share a time (a deploy's finish, then its
 * outcome).
 */
export const parkedStepSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256'),
  position: z.number().int().nonnegative().max(MAX_BATCH_POSITION),
  event: taskEventBodySchema,
});

export type ParkedStep = z.infer<typeof parkedStepSchema>;

/**
 * The parked form of `event`, at `position` in its batch: its id is the sha256 of the step's
 * canonical JSON and its position, so parking the same step again lands on the same key.
 */
export function parkedStepOf(event: TaskEventBody, position: number): ParkedStep {
  const id = createHash('sha256').update(canonicalJson({ event, position })).digest('hex');
  return { id, position, event };
}

/** Parked steps in the order they happened: by time, then by place in their batch, then by id. */
export function inParkedOrder(steps: readonly ParkedStep[]): ParkedStep[] {
  return [...steps].sort(
    (a, b) =>
      Date.parse(a.event.at) - Date.parse(b.event.at) ||
      a.position - b.position ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
