import type { TaskMarker } from '../state/state-marker.js';
import { TASK_RECORD_SCHEMA_VERSION, type TaskRecord } from './task-record.js';
import { trustFactsOf } from './trust-facts.js';

/**
 * The task record a status comment's marker carries (DESIGN §3: GitHub is the source of truth), so
 * a stateless run (the Action, an app replica) continues the record without reading a mirror. A
 * marker written before records has no `version`: its record is re-derived at version 0 from what
 * the marker shows, and the first step recorded on it is version 1. `repo` is `owner/repo`.
 * `taskId` is the task's id as the caller knows it now (default: the marker's), which the record
 * takes; the status board always gives it: a marker written
 * before a repository was renamed in case only (`Acme/Shop#7`, now `acme/shop#7`) is still this
 * task's (GitHub compares owner and repository names without regard to case, and `judgeMarker`
 * accepts it), and its next step must carry today's id, or the record refuses it.
 */
export function recordFromMarker(params: {
  marker: TaskMarker;
  taskId?: string;
  repo: string;
  issueNumber: number;
}): TaskRecord {
  const { marker } = params;
  return {
    schema_version: TASK_RECORD_SCHEMA_VERSION,
    task_id: params.taskId ?? marker.task_id,
    repo: params.repo,
    issue_number: params.issueNumber,
    ...(marker.pull_number === undefined ? {} : { pull_number: marker.pull_number }),
    ...(marker.pull_opened_version === undefined ? {} : { pull_opened_version: marker.pull_opened_version }),
    ...(marker.pull_closed_version === undefined ? {} : { pull_closed_version: marker.pull_closed_version }),
    ...(marker.branch === undefined ? {} : { branch: marker.branch }),
    ...(marker.template_path === undefined ? {} : { template_path: marker.template_path }),
    ...(marker.task_name === undefined ? {} : { task_name: marker.task_name }),
    ...(marker.task_type === undefined ? {} : { task_type: marker.task_type }),
    ...(marker.execution_mode === undefined ? {} : { execution_mode: marker.execution_mode }),
    ...(marker.model === undefined ? {} : { model: marker.model }),
    status: marker.state,
    environments: marker.environments ?? {},
    attempt: marker.attempt,
    cost_usd: marker.cost_usd,
    tokens: marker.tokens ?? { input: 0, output: 0, cache_read: 0, cache_write: 0 },
    created_at: marker.created_at ?? marker.updated_at,
    updated_at: marker.updated_at,
    version: marker.version ?? 0,
    ...(marker.last_outcome === undefined ? {} : { last_outcome: marker.last_outcome }),
    trust: trustFactsOf(marker),
  };
}

/**
 * The marker's fields that show the record: what `recordFromMarker` reads back, but the trust
 * facts (`trust`), which only a merge may bring back (`mergeTrustFacts`) so none is ever dropped.
 */
export function markerFieldsOf(
  record: TaskRecord,
): Partial<TaskMarker> & Pick<TaskMarker, 'attempt' | 'cost_usd'> {
  return {
    attempt: record.attempt,
    cost_usd: record.cost_usd,
    ...(record.pull_number === undefined ? {} : { pull_number: record.pull_number }),
    ...(record.pull_opened_version === undefined ? {} : { pull_opened_version: record.pull_opened_version }),
    ...(record.pull_closed_version === undefined ? {} : { pull_closed_version: record.pull_closed_version }),
    ...(record.branch === undefined ? {} : { branch: record.branch }),
    ...(record.template_path === undefined ? {} : { template_path: record.template_path }),
    ...(record.version > 0 ? { version: record.version } : {}),
    created_at: record.created_at,
    ...(record.task_name === undefined ? {} : { task_name: record.task_name }),
    ...(record.task_type === undefined ? {} : { task_type: record.task_type }),
    ...(record.execution_mode === undefined ? {} : { execution_mode: record.execution_mode }),
    ...(record.model === undefined ? {} : { model: record.model }),
    tokens: record.tokens,
    ...(Object.keys(record.environments).length === 0 ? {} : { environments: record.environments }),
    ...(record.last_outcome === undefined ? {} : { last_outcome: record.last_outcome }),
  };
}
