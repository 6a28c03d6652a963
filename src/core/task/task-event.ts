import { z } from 'zod';
import { taskIdSchema } from './task-id-schema.js';
import { outcomeSummarySchema } from '../outcome/outcome-summary.js';
import { EXECUTION_MODES, TASK_TYPES } from '../request/execution-request.js';
import { taskStateSchema } from '../state/task-state-schema.js';

const positiveInt = z.number().int().positive();
const count = z.number().int().nonnegative();
/**
 * Ranges an `events_lost` event names. An outage drops a contiguous run; what breaks it up is the
 * earlier gap events folded into a later one, one between each pair of carried events at most, so
 * a marker's 40 events make at most about 40 ranges (each about 10 characters in the marker).
 */
export const MAX_LOST_RANGES = 64;
/** A git commit's object name: 40 hex digits (SHA-1), or 64 in a SHA-256 repository (git-scm.com/docs/hash-function-transition). */
export const commitShaSchema = z
  .string()
  .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full commit sha');

/** What every event carries: the task it belongs to and when it happened (ISO 8601). */
const eventBase = {
  task_id: taskIdSchema,
  at: z.iso.datetime({ offset: true }),
};

/**
 * One step of a task's life (DESIGN §3): what `applyTaskEvent` folds into the record and the
 * results table keeps, append-only. `sequence` is the record version the event produced, so a
 * task's events replay in order and a replayed write lands on the same key.
 */
export const taskEventBodySchema = z.discriminatedUnion('type', [
  /** A request arrived (or arrived again after a failure): creates the record or restarts it. */
  z.object({
    type: z.literal('task_received'),
    ...eventBase,
    repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'must be owner/repo'),
    issue_number: positiveInt.optional(),
    task_name: z.string().optional(),
    task_type: z.enum(TASK_TYPES).optional(),
    execution_mode: z.enum(EXECUTION_MODES).optional(),
  }),
  /**
   * The task moved through generation, validation, its PR, review or merge. A move to `committed`
   * (the CLI's end) names the `branch` and the `commit` it made there (`applyTaskEvent` requires both).
   */
  z.object({
    type: z.literal('state_changed'),
    ...eventBase,
    to: taskStateSchema,
    pull_number: positiveInt.optional(),
    branch: z.string().optional(),
    commit: commitShaSchema.optional(),
    template_path: z.string().optional(),
  }),
  z.object({ type: z.literal('attempt_started'), ...eventBase, attempt: positiveInt }),
  /** One model call's (or attempt's) usage; the record adds it to its totals. */
  z.object({
    type: z.literal('usage_recorded'),
    ...eventBase,
    model: z.string().min(1),
    input_tokens: count,
    output_tokens: count,
    cache_read_tokens: count,
    cache_write_tokens: count,
    cost_usd: z.number().nonnegative(),
  }),
  z.object({
    type: z.literal('deploy_started'),
    ...eventBase,
    environment: z.string().min(1),
    deployment_id: positiveInt,
    sha: z.string().min(1),
  }),
  z.object({
    type: z.literal('deploy_finished'),
    ...eventBase,
    environment: z.string().min(1),
    deployment_id: positiveInt,
    /**
     * The commit deployed, so a finish whose start was never recorded (the comment or the mirror
     * failed at the start) still lands (`applyDeployEvent`). Absent in events from before it was added.
     */
    sha: z.string().min(1).optional(),
    succeeded: z.boolean(),
    environment_url: z.string().optional(),
    /**
     * The deployment never started (no workflow run can take it, `unstartableDeploySteps`): it
     * replaces nothing the environment runs and is kept beside it (`last_attempt`). Absent otherwise.
     */
    unstartable: z.literal(true).optional(),
  }),
  /**
   * Another deployment (a `/rollback`, an automatic one) replaced this task's in the environment:
   * `rolled_back_deployment_id` is the one replaced (the rollback's `rollback_of`), so a task whose
   * own deployment carried the rollback (an automatic rollback to its earlier deploy) is not marked
   * rolled back by it. Absent in events from before it was added.
   */
  z.object({
    type: z.literal('deploy_rolled_back'),
    ...eventBase,
    environment: z.string().min(1),
    rollback_deployment_id: positiveInt,
    rolled_back_deployment_id: positiveInt.optional(),
  }),
  /**
   * The task's pull request was closed on GitHub without a merge (`pull_request.closed`): what a
   * later opening of the same pull request (a reopen) is told apart by. A `/cancel` leaves the pull
   * request open and records none. Sends no lifecycle event (the move to `cancelled` does).
   */
  z.object({ type: z.literal('pull_closed'), ...eventBase, pull_number: positiveInt }),
  /** A use case ended with this outcome (DESIGN §3); the record keeps the latest. */
  z.object({ type: z.literal('outcome_recorded'), ...eventBase, outcome: outcomeSummarySchema }),
  /**
   * Events of this task the results table will never hold: a mirror outage outlasted what the
   * status marker can carry (`unmirrored`), and these were dropped from it unsent. `sequences` are
   * inclusive ranges `[first, last]`, oldest first; `count` how many events they cover.
   */
  z.object({
    type: z.literal('events_lost'),
    ...eventBase,
    sequences: z
      .array(z.tuple([positiveInt, positiveInt]))
      .min(1)
      .max(MAX_LOST_RANGES),
    count: positiveInt,
  }),
]);

/** An event as a use case reports it; `applyTaskEvent` gives it its `sequence`. */
export type TaskEventBody = z.infer<typeof taskEventBodySchema>;

export const taskEventSchema = z.intersection(taskEventBodySchema, z.object({ sequence: positiveInt }));

export type TaskEvent = z.infer<typeof taskEventSchema>;
