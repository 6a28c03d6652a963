import { z } from 'zod';
import { taskIdSchema } from './task-id-schema.js';
import { outcomeSummarySchema } from '../outcome/outcome-summary.js';
import { EXECUTION_MODES, TASK_TYPES } from '../request/execution-request.js';
import { DEPLOY_STATES } from '../state/deploy-state.js';
import { taskStateSchema } from '../state/task-state-schema.js';
import { commitShaSchema, taskEventSchema } from './task-event.js';
import { lifecycleEventSchema, MAX_UNSENT_EVENTS } from './lifecycle-event.js';
import { MAX_ADOPTED_STEPS } from './parked-step.js';
import { trustFactsSchema } from './trust-facts.js';

/**
 * Version of the record's shape; a reader refuses a record whose shape it does not know. 2 added
 * `trust` (the marker's trust facts); a version 1 record still reads, without them.
 */
export const TASK_RECORD_SCHEMA_VERSION = 2;

const isoTimestamp = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
/**
 * A task's record version: one per event taken in. No real task comes near the cap; it keeps a
 * forged marker (say `Number.MAX_SAFE_INTEGER`) from producing a next version no reader accepts,
 * which would leave every mirror behind for good.
 */
export const MAX_RECORD_VERSION = 1_000_000;
/**
 * Events a log's record carries until its events store confirms them (`recordTaskEvent`): about 300 bytes
 * each, so the most a long outage leaves stays far under DynamoDB's 400 KB item limit.
 */
export const MAX_PENDING_EVENTS = 100;
export const recordVersionSchema = z.number().int().positive().max(MAX_RECORD_VERSION);

/** One environment's deploy state within a task (DESIGN §3), as the latest deploy event left it. */
export const environmentDeploySchema = z.object({
  status: z.enum(DEPLOY_STATES),
  /** The GitHub deployment carrying the latest deploy (or, once rolled back, the one that was replaced). */
  deployment_id: z.number().int().positive(),
  sha: z.string().min(1),
  environment_url: z.string().optional(),
  /** The deployment that rolled this one back, once one did. */
  rolled_back_by: z.number().int().positive().optional(),
  updated_at: isoTimestamp,
  /**
   * The latest deployment to this environment that no workflow run could start (it never ran, so it
   * replaced nothing: the entry stays what runs), kept beside the entry until a newer deploy starts.
   * Absent when there was none, and in records from before it was kept.
   */
  last_attempt: z
    .object({
      deployment_id: z.number().int().positive(),
      sha: z.string().min(1),
      status: z.literal('deploy_failed'),
      at: isoTimestamp,
    })
    .optional(),
});

export const tokenTotalsSchema = z.object({
  input: count,
  output: count,
  cache_read: count,
  cache_write: count,
});

/**
 * A task's whole life in one document (DESIGN §3, §11): what the status comment, the Action's
 * output and every mirror render. Field names are the mirror's attribute names: `task_id` is the
 * tasks table's key, `repo` + `status` its index.
 */
export const taskRecordSchema = z.object({
  schema_version: z.union([z.literal(1), z.literal(TASK_RECORD_SCHEMA_VERSION)]),
  /** `owner/repo#issue`. */
  task_id: taskIdSchema,
  /** `owner/repo`. */
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'must be owner/repo'),
  issue_number: z.number().int().positive().optional(),
  pull_number: z.number().int().positive().optional(),
  /**
   * The version whose step opened (or reopened) the task's pull request last, and the one whose step
   * closed it last (`cancelled`, `merged`): the PR is open while the first is the later. A revision
   * pushed to the open PR opens nothing, so `Pull Request Opened` is sent once per opening.
   * Absent in records written before they were kept.
   */
  pull_opened_version: recordVersionSchema.optional(),
  pull_closed_version: recordVersionSchema.optional(),
  branch: z.string().optional(),
  /** The commit the CLI made on `branch` (status `committed`); GitHub tasks have a `pull_number` instead. */
  commit: commitShaSchema.optional(),
  template_path: z.string().optional(),
  task_name: z.string().optional(),
  task_type: z.enum(TASK_TYPES).optional(),
  execution_mode: z.enum(EXECUTION_MODES).optional(),
  /** The task state (`task-state.ts`); deploys move `environments` instead. */
  status: taskStateSchema,
  /** Environment name → its deploy state. */
  environments: z.record(z.string(), environmentDeploySchema),
  /** Generation attempts started; 0 until the first. */
  attempt: count,
  /** Model cost so far, in US dollars. */
  cost_usd: z.number().nonnegative(),
  tokens: tokenTotalsSchema,
  /** The model of the latest generation (`offline:<blueprint>` for the blueprints). */
  model: z.string().optional(),
  created_at: isoTimestamp,
  updated_at: isoTimestamp,
  /** How many events the record has taken in; each write must name the version it read (optimistic concurrency). */
  version: recordVersionSchema,
  last_outcome: outcomeSummarySchema.optional(),
  /**
   * The status comment's trust facts as the step that wrote this version left them (`TrustFacts`:
   * requester, co-requesters, pushers), so a run going on from this record when the marker did not
   * read back keeps them (`goOnFromNewerMirror`). Absent in version 1 records and in records no
   * status comment backs (the CLI's): a board that needs them then fails closed (`trust_lost`).
   */
  trust: trustFactsSchema.optional(),
  /**
   * In a task's own log only (never rendered or mirrored): the events written with this record whose append to
   * the events store is not confirmed yet; the next write appends them again first (appends are idempotent).
   */
  pending_events: z.array(taskEventSchema).max(MAX_PENDING_EVENTS).optional(),
  /**
   * In a task's own log only (never rendered or mirrored), with a bus configured: the lifecycle
   * events of the steps written with this record that the bus has not taken yet (an outbox, written
   * before the publish), oldest first; the next step sends them first (`openTaskJournal`).
   */
  unsent_events: z.array(lifecycleEventSchema).max(MAX_UNSENT_EVENTS).optional(),
  /**
   * In a task's own log only (never rendered or mirrored): the ids of the parked steps this record
   * has taken in (`ParkedStep`, `recordTaskEvent`), so each is taken in once, oldest first.
   */
  adopted_steps: z.array(z.string()).max(MAX_ADOPTED_STEPS).optional(),
  /**
   * In a task's own log only (never rendered or mirrored), kept by its store (`TaskStore.countParked`):
   * how many steps were ever parked for the task; absent when none, so a write skips the query.
   */
  parked_count: z.number().int().nonnegative().optional(),
});

export type TaskRecord = z.infer<typeof taskRecordSchema>;

/**
 * The task's record without its log's bookkeeping (`pending_events`, `unsent_events`,
 * `adopted_steps`, `parked_count`): what is rendered and mirrored.
 */
export function withoutPendingEvents(record: TaskRecord): TaskRecord {
  const {
    pending_events: _pending,
    unsent_events: _unsent,
    adopted_steps: _adopted,
    parked_count: _parked,
    ...task
  } = record;
  return task;
}

/** The log's bookkeeping of `record` (`pending_events`, `unsent_events`, `adopted_steps`), to carry into its next write. */
export function logBookkeepingOf(
  record: TaskRecord | undefined,
): Pick<TaskRecord, 'pending_events' | 'unsent_events' | 'adopted_steps'> {
  return {
    ...(record?.adopted_steps === undefined ? {} : { adopted_steps: record.adopted_steps }),
    ...(record?.pending_events === undefined ? {} : { pending_events: record.pending_events }),
    ...(record?.unsent_events === undefined ? {} : { unsent_events: record.unsent_events }),
  };
}
export type EnvironmentDeploy = z.infer<typeof environmentDeploySchema>;
