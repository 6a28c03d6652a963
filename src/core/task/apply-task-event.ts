import { applyDeployEvent } from './apply-deploy-event.js';
import { pullOpening } from './pull-opening.js';
import { assertTransition, type TaskState } from '../state/task-state.js';
import { TaskEventError } from './task-event-error.js';
import type { TaskEvent, TaskEventBody } from './task-event.js';
import { MAX_RECORD_VERSION, TASK_RECORD_SCHEMA_VERSION, type TaskRecord } from './task-record.js';

/** Task states a deploy once moved the task into; deploys now move `environments` only. */
const DEPLOY_TASK_STATES: ReadonlySet<TaskState> = new Set(['deploying', 'deployed', 'rolled_back']);

/**
 * Folds one event into the task record (pure): the next version of the record, and the event
 * stamped with that version as its `sequence`. Throws `TaskEventError` for an event that cannot
 * apply (none but `task_received` starts a record; another task's event; a record already at
 * `MAX_RECORD_VERSION`, whose next version no reader takes), and the state tables'
 * errors for an illegal move of the task or of an environment's deploy state.
 */
export function applyTaskEvent(
  record: TaskRecord | undefined,
  event: TaskEventBody,
): { record: TaskRecord; event: TaskEvent } {
  if (record !== undefined && record.task_id !== event.task_id) {
    throw new TaskEventError(`An event of task ${event.task_id} cannot apply to task ${record.task_id}.`);
  }
  const version = (record?.version ?? 0) + 1;
  if (version > MAX_RECORD_VERSION) {
    throw new TaskEventError(
      `Task ${event.task_id} has taken the most events a record takes (${MAX_RECORD_VERSION}): no step is added past it.`,
    );
  }
  const next = {
    ...nextRecord(record, event),
    ...(record !== undefined && (event.type === 'state_changed' || event.type === 'pull_closed')
      ? pullOpening(record, event, version)
      : {}),
    version,
    updated_at: event.at,
  };
  return { record: next, event: { ...event, sequence: version } };
}

function nextRecord(record: TaskRecord | undefined, event: TaskEventBody): TaskRecord {
  if (event.type === 'task_received') return received(record, event);
  if (record === undefined) {
    throw new TaskEventError(
      `Task ${event.task_id} has no record yet: its first event must be task_received, not ${event.type}.`,
    );
  }
  switch (event.type) {
    case 'state_changed':
      return stateChanged(record, event);
    case 'attempt_started':
      return { ...record, attempt: Math.max(record.attempt, event.attempt) };
    case 'usage_recorded':
      return {
        ...record,
        model: event.model,
        cost_usd: record.cost_usd + event.cost_usd,
        tokens: {
          input: record.tokens.input + event.input_tokens,
          output: record.tokens.output + event.output_tokens,
          cache_read: record.tokens.cache_read + event.cache_read_tokens,
          cache_write: record.tokens.cache_write + event.cache_write_tokens,
        },
      };
    case 'deploy_started':
    case 'deploy_finished':
    case 'deploy_rolled_back':
      return {
        ...record,
        environments: applyDeployEvent({ environments: record.environments, taskId: record.task_id, event }),
      };
    case 'outcome_recorded':
      return { ...record, last_outcome: event.outcome };
    // The gap is kept in the results table, as the event itself; the record's fields are as they were.
    case 'events_lost':
      return record;
    // The close is kept as the record's `pull_closed_version` (`pullOpening`).
    case 'pull_closed':
      return record;
  }
}

function received(
  record: TaskRecord | undefined,
  event: Extract<TaskEventBody, { type: 'task_received' }>,
): TaskRecord {
  const request = {
    ...(event.issue_number === undefined ? {} : { issue_number: event.issue_number }),
    ...(event.task_name === undefined ? {} : { task_name: event.task_name }),
    ...(event.task_type === undefined ? {} : { task_type: event.task_type }),
    ...(event.execution_mode === undefined ? {} : { execution_mode: event.execution_mode }),
  };
  if (record !== undefined) {
    if (record.status !== 'received') assertTransition(record.status, 'received');
    return { ...record, ...request, status: 'received' };
  }
  return {
    schema_version: TASK_RECORD_SCHEMA_VERSION,
    task_id: event.task_id,
    repo: event.repo,
    ...request,
    status: 'received',
    environments: {},
    attempt: 0,
    cost_usd: 0,
    tokens: { input: 0, output: 0, cache_read: 0, cache_write: 0 },
    created_at: event.at,
    updated_at: event.at,
    version: 1,
  };
}

function stateChanged(
  record: TaskRecord,
  event: Extract<TaskEventBody, { type: 'state_changed' }>,
): TaskRecord {
  if (DEPLOY_TASK_STATES.has(event.to)) {
    throw new TaskEventError(
      `Task ${record.task_id} cannot move to "${event.to}": deploys move their environment's deploy state (deploy_started, deploy_finished, deploy_rolled_back), never the task's.`,
    );
  }
  if (event.to !== record.status) assertTransition(record.status, event.to);
  if (event.to === 'committed' && (event.branch === undefined || event.commit === undefined)) {
    throw new TaskEventError(
      `Task ${record.task_id} cannot move to "committed" without the branch and the commit it made there.`,
    );
  }
  return {
    ...record,
    status: event.to,
    ...(event.pull_number === undefined ? {} : { pull_number: event.pull_number }),
    ...(event.branch === undefined ? {} : { branch: event.branch }),
    ...(event.commit === undefined ? {} : { commit: event.commit }),
    ...(event.template_path === undefined ? {} : { template_path: event.template_path }),
  };
}
