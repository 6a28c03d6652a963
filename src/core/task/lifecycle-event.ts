import { z } from 'zod';
import { taskIdSchema } from './task-id-schema.js';
import { taskStateSchema } from '../state/task-state-schema.js';
import { commitShaSchema, type TaskEvent } from './task-event.js';
import type { TaskRecord } from './task-record.js';
import { environmentOf } from './apply-deploy-event.js';

/** The `source` of every lifecycle event; rules match on it (`{"source": ["implementation-agent"]}`). */
export const LIFECYCLE_EVENT_SOURCE = 'implementation-agent';

/**
 * Version of the `detail` shape. Additions keep it; a removed or renamed field raises it, and
 * consumers match on `detail.version` to read what they know.
 */
export const LIFECYCLE_EVENT_VERSION = 1;

/**
 * One `detail-type` per milestone of a task's life; stable names (new ones may be added, keeping
 * `LIFECYCLE_EVENT_VERSION`). `Branch Committed` is the CLI's end: a commit on a local branch,
 * which is no pull request, so it is never sent as `Pull Request Opened`. The README's "Lifecycle
 * events" lists each (a test keeps it so).
 */
export const LIFECYCLE_DETAIL_TYPES = [
  'Task Received',
  'Task Held',
  'Pull Request Opened',
  'Branch Committed',
  'Task Approved',
  'Changes Requested',
  'Task Merged',
  'Task Failed',
  'Task Cancelled',
  'Deploy Started',
  'Deploy Succeeded',
  'Deploy Failed',
  'Deploy Rolled Back',
] as const;

export type LifecycleDetailType = (typeof LIFECYCLE_DETAIL_TYPES)[number];

/** `detail` of every lifecycle event (README "Lifecycle events"): the task as its record stood after the step. */
export const lifecycleDetailSchema = z.object({
  version: z.literal(LIFECYCLE_EVENT_VERSION),
  task_id: taskIdSchema,
  repo: z.string().min(1),
  /**
   * The record version the step produced: the task's order. Not a duplicate key: a deploy run that
   * moves the tasks table alone and the status comment's next step can both produce one version.
   */
  sequence: z.number().int().positive(),
  /** When the step happened (ISO 8601). */
  at: z.string(),
  status: taskStateSchema,
  issue_number: z.number().int().positive().optional(),
  pull_number: z.number().int().positive().optional(),
  task_type: z.string().optional(),
  execution_mode: z.string().optional(),
  environment: z.string().optional(),
  deployment_id: z.number().int().positive().optional(),
  /** `Deploy Rolled Back` only: the deployment that replaced `deployment_id`. */
  rollback_deployment_id: z.number().int().positive().optional(),
  reason_code: z.string().optional(),
  /** `Branch Committed` only: the local branch and the commit the CLI made on it. */
  branch: z.string().min(1).optional(),
  commit: commitShaSchema.optional(),
  /**
   * What a consumer drops duplicates by (at-least-once delivery; an event re-sent keeps it): set as
   * the event is sent (`lifecycleEventId`), and kept in an outbox only by an event re-keyed from a
   * former identity (`rekeyedEvents`), whose id is the one it was first made with.
   */
  event_id: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});

/**
 * Lifecycle events the bus refused or could not be reached for, kept until a later step sends them
 * (the status marker's `unsent`, a task log record's `unsent_events`). Each is about 300 bytes;
 * past this many the oldest are dropped and named, so the marker fits a comment.
 */
export const MAX_UNSENT_EVENTS = 20;

/** One lifecycle event as the bus takes it, and as the status marker keeps it while unsent. */
export const lifecycleEventSchema = z.object({
  detailType: z.enum(LIFECYCLE_DETAIL_TYPES),
  detail: lifecycleDetailSchema,
});

export type LifecycleDetail = z.infer<typeof lifecycleDetailSchema>;
export type LifecycleEvent = z.infer<typeof lifecycleEventSchema>;

const BY_STATE: Partial<Record<TaskRecord['status'], LifecycleDetailType>> = {
  held: 'Task Held',
  pr_open: 'Pull Request Opened',
  committed: 'Branch Committed',
  approved: 'Task Approved',
  changes_requested: 'Changes Requested',
  merged: 'Task Merged',
  failed: 'Task Failed',
  cancelled: 'Task Cancelled',
};

/**
 * The lifecycle event a task event is, with `record` the record it produced; `undefined` for
 * steps that are no milestone (attempts, usage, generating, validating, outcomes, and a move to
 * `pr_open` that opened no pull request: `pull_opened_version`). It has no
 * `reason_code`: the record's `last_outcome` may be an earlier run's, so the caller adds the code
 * of the outcome the same move recorded (`mirrorTaskStep`). Pure.
 */
export function lifecycleEventFor(event: TaskEvent, record: TaskRecord): LifecycleEvent | undefined {
  const detailType = detailTypeOf(event, record);
  if (detailType === undefined) return undefined;
  const deploy =
    event.type === 'deploy_started' || event.type === 'deploy_finished'
      ? { environment: event.environment, deployment_id: event.deployment_id }
      : event.type === 'deploy_rolled_back'
        ? rolledBack(event, record)
        : {};
  const detail: LifecycleDetail = {
    version: LIFECYCLE_EVENT_VERSION,
    task_id: record.task_id,
    repo: record.repo,
    sequence: event.sequence,
    at: event.at,
    status: record.status,
    ...(record.issue_number === undefined ? {} : { issue_number: record.issue_number }),
    ...(record.pull_number === undefined ? {} : { pull_number: record.pull_number }),
    ...(record.task_type === undefined ? {} : { task_type: record.task_type }),
    ...(record.execution_mode === undefined ? {} : { execution_mode: record.execution_mode }),
    ...deploy,
    ...(detailType === 'Branch Committed' ? committedBranch(record) : {}),
  };
  return { detailType, detail };
}

/**
 * A rollback's event names the deployment rolled back, as every deploy event names its own: the one
 * the event names, else (an event from before it named one) the environment's entry the rollback
 * marked; and the deployment that replaced it (`rollback_deployment_id`).
 */
function rolledBack(
  event: Extract<TaskEvent, { type: 'deploy_rolled_back' }>,
  record: TaskRecord,
): Pick<LifecycleDetail, 'environment' | 'deployment_id' | 'rollback_deployment_id'> {
  const entry = environmentOf(record.environments, event.environment);
  const marked = entry?.rolled_back_by === event.rollback_deployment_id ? entry?.deployment_id : undefined;
  const replaced = event.rolled_back_deployment_id ?? marked;
  return {
    environment: event.environment,
    ...(replaced === undefined ? {} : { deployment_id: replaced }),
    rollback_deployment_id: event.rollback_deployment_id,
  };
}

function committedBranch(record: TaskRecord): Pick<LifecycleDetail, 'branch' | 'commit'> {
  return {
    ...(record.branch === undefined ? {} : { branch: record.branch }),
    ...(record.commit === undefined ? {} : { commit: record.commit }),
  };
}

function detailTypeOf(event: TaskEvent, record: TaskRecord): LifecycleDetailType | undefined {
  switch (event.type) {
    case 'task_received':
      return 'Task Received';
    case 'state_changed':
      // A revision pushed to the open pull request moves the task to pr_open again; it opens nothing.
      if (event.to === 'pr_open' && record.pull_opened_version !== event.sequence) return undefined;
      return BY_STATE[event.to];
    case 'deploy_started':
      return 'Deploy Started';
    case 'deploy_finished':
      return event.succeeded ? 'Deploy Succeeded' : 'Deploy Failed';
    case 'deploy_rolled_back':
      return 'Deploy Rolled Back';
    default:
      return undefined;
  }
}
