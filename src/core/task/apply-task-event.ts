import { assertDeployTransition, type DeployState } from '../state/deploy-state.js';
import { assertTransition, type TaskState } from '../state/task-state.js';
import { TaskEventError } from './task-event-error.js';
import type { TaskEvent, TaskEventBody } from './task-event.js';
import { TASK_RECORD_SCHEMA_VERSION, type EnvironmentDeploy, type TaskRecord } from './task-record.js';

/** Task states a deploy once moved the task into; deploys now move `environments` only. */
const DEPLOY_TASK_STATES: ReadonlySet<TaskState> = new Set(['deploying', 'deployed', 'rolled_back']);

/**
 * Folds one event into the task record (pure): the next version of the record, and the event
 * stamped with that version as its `sequence`. Throws `TaskEventError` for an event that cannot
 * apply (none but `task_received` starts a record; another task's event), and the state tables'
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
  const next = { ...nextRecord(record, event), version, updated_at: event.at };
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
      return withEnvironment(record, event.environment, 'deploying', {
        deployment_id: event.deployment_id,
        sha: event.sha,
        updated_at: event.at,
      });
    case 'deploy_finished':
      return deployFinished(record, event);
    case 'deploy_rolled_back': {
      const current = environmentOf(record, event.environment);
      return withEnvironment(record, event.environment, 'rolled_back', {
        ...current,
        rolled_back_by: event.rollback_deployment_id,
        updated_at: event.at,
      });
    }
    case 'outcome_recorded':
      return { ...record, last_outcome: event.outcome };
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
  return {
    ...record,
    status: event.to,
    ...(event.pull_number === undefined ? {} : { pull_number: event.pull_number }),
    ...(event.branch === undefined ? {} : { branch: event.branch }),
    ...(event.template_path === undefined ? {} : { template_path: event.template_path }),
  };
}

/**
 * A finish moves the environment only when it finishes the deployment the environment is on: the
 * end of a deployment that another one has since replaced stays in the history, not the state.
 */
function deployFinished(
  record: TaskRecord,
  event: Extract<TaskEventBody, { type: 'deploy_finished' }>,
): TaskRecord {
  const current = environmentOf(record, event.environment);
  if (current !== undefined && current.deployment_id !== event.deployment_id) return record;
  return withEnvironment(record, event.environment, event.succeeded ? 'deployed' : 'deploy_failed', {
    ...current,
    deployment_id: event.deployment_id,
    ...(event.environment_url === undefined ? {} : { environment_url: event.environment_url }),
    updated_at: event.at,
  });
}

/** Environment names come from GitHub: only the record's own entries count (`constructor` is no environment). */
function environmentOf(record: TaskRecord, environment: string): EnvironmentDeploy | undefined {
  return Object.hasOwn(record.environments, environment) ? record.environments[environment] : undefined;
}

function withEnvironment(
  record: TaskRecord,
  environment: string,
  to: DeployState,
  fields: Partial<Omit<EnvironmentDeploy, 'status'>>,
): TaskRecord {
  const from = environmentOf(record, environment)?.status;
  assertDeployTransition({ environment, from, to });
  const { deployment_id, sha, updated_at } = fields;
  if (deployment_id === undefined || sha === undefined || updated_at === undefined) {
    throw new TaskEventError(
      `The deploy state of ${environment} in task ${record.task_id} needs a deployment id, sha and time.`,
    );
  }
  const entry: EnvironmentDeploy = { ...fields, deployment_id, sha, updated_at, status: to };
  return { ...record, environments: { ...record.environments, [environment]: entry } };
}
