import type { TaskEvent } from './task-event.js';
import type { TaskRecord } from './task-record.js';

/** The `source` of every lifecycle event; rules match on it (`{"source": ["implementation-agent"]}`). */
export const LIFECYCLE_EVENT_SOURCE = 'implementation-agent';

/**
 * Version of the `detail` shape. Additions keep it; a removed or renamed field raises it, and
 * consumers match on `detail.version` to read what they know.
 */
export const LIFECYCLE_EVENT_VERSION = 1;

/** One `detail-type` per milestone of a task's life; stable names (new ones may be added). */
export const LIFECYCLE_DETAIL_TYPES = [
  'Task Received',
  'Task Held',
  'Pull Request Opened',
  'Task Approved',
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
export interface LifecycleDetail {
  readonly version: typeof LIFECYCLE_EVENT_VERSION;
  readonly task_id: string;
  readonly repo: string;
  /** The record version the step produced: a consumer drops what it has seen (at-least-once delivery). */
  readonly sequence: number;
  /** When the step happened (ISO 8601). */
  readonly at: string;
  readonly status: TaskRecord['status'];
  readonly issue_number?: number;
  readonly pull_number?: number;
  readonly task_type?: string;
  readonly execution_mode?: string;
  readonly environment?: string;
  readonly deployment_id?: number;
  readonly reason_code?: string;
}

export interface LifecycleEvent {
  readonly detailType: LifecycleDetailType;
  readonly detail: LifecycleDetail;
}

const BY_STATE: Partial<Record<TaskRecord['status'], LifecycleDetailType>> = {
  held: 'Task Held',
  pr_open: 'Pull Request Opened',
  approved: 'Task Approved',
  merged: 'Task Merged',
  failed: 'Task Failed',
  cancelled: 'Task Cancelled',
};

/**
 * The lifecycle event a task event is, with `record` the record it produced; `undefined` for
 * steps that are no milestone (attempts, usage, generating, validating, outcomes). Pure.
 */
export function lifecycleEventFor(event: TaskEvent, record: TaskRecord): LifecycleEvent | undefined {
  const detailType = detailTypeOf(event);
  if (detailType === undefined) return undefined;
  const deploy =
    event.type === 'deploy_started' || event.type === 'deploy_finished' || event.type === 'deploy_rolled_back'
      ? {
          environment: event.environment,
          ...(event.type === 'deploy_rolled_back' ? {} : { deployment_id: event.deployment_id }),
        }
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
    ...(record.last_outcome === undefined ? {} : { reason_code: record.last_outcome.reasonCode }),
    ...deploy,
  };
  return { detailType, detail };
}

function detailTypeOf(event: TaskEvent): LifecycleDetailType | undefined {
  switch (event.type) {
    case 'task_received':
      return 'Task Received';
    case 'state_changed':
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
