import type { DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { DeployEventBody } from '../../core/task/apply-deploy-event.js';
import { IllegalDeployTransitionError } from '../../core/state/deploy-state.js';
import { TaskEventError } from '../../core/task/task-event-error.js';
import { readDeploymentHistory, type DeploymentHistoryClient } from '../../github/read-deployment-history.js';
import type { StatusCommentClient } from '../../github/status-comment.js';
import type { StatusTrust } from '../../github/status-trust.js';
import { recordTaskEvent, type TaskLog } from '../mirror/record-task-event.js';
import type { DeployEvent } from './deploy-event.js';
import { updateDeployStatusComment } from './update-deploy-status-comment.js';

/** A point in a deploy run that moves the task's deploy state for the run's environment. */
export type DeployStep =
  | { readonly kind: 'started' }
  | { readonly kind: 'finished'; readonly succeeded: boolean; readonly environmentUrl?: string };

/** Where a deploy run keeps the task's deploy state; each part is optional. */
export interface DeployTaskRecording {
  /** The tasks and results tables (`mirrors.tasks_table`, `mirrors.results_table`), when both are configured. */
  readonly taskLog?: TaskLog;
  /** Judges the status comment; absent: the comment is not read or edited. */
  readonly trust?: StatusTrust;
}

/**
 * Moves the deploy state of the task(s) a deployment touches, for its environment only (DESIGN §3):
 * the payload's `task_id` goes `deploying` on start, `deployed` or `deploy_failed` at the end; a
 * successful rollback (`rollback_of`) also moves the task of the deployment it replaced to
 * `rolled_back`. Each move is recorded in the task log (the mirror tables, `recordTaskEvent`) and
 * on the task's status comment. Never throws: a deploy is never failed by its record; what could
 * not be written comes back as warnings for the deploy report, and the reasons are in the log.
 */
export async function recordDeployStep(params: {
  recording: DeployTaskRecording;
  client: Pick<StatusCommentClient, 'issues'> & DeploymentHistoryClient;
  event: DeployEvent;
  payload: DeploymentPayload;
  step: DeployStep;
  now: () => number;
  log: (line: string) => void;
}): Promise<string[]> {
  const { event, payload, step, log } = params;
  if (payload.dry_run) return [];
  const at = new Date(params.now()).toISOString();
  const base = { environment: event.environment, at };
  const events: DeployEventBody[] = [];
  if (payload.task_id !== undefined) {
    events.push(
      step.kind === 'started'
        ? {
            type: 'deploy_started',
            task_id: payload.task_id,
            ...base,
            deployment_id: event.deploymentId,
            sha: event.sha,
          }
        : {
            type: 'deploy_finished',
            task_id: payload.task_id,
            ...base,
            deployment_id: event.deploymentId,
            succeeded: step.succeeded,
            ...(step.environmentUrl === undefined ? {} : { environment_url: step.environmentUrl }),
          },
    );
  }
  const warnings: string[] = [];
  if (step.kind === 'finished' && step.succeeded && payload.rollback_of !== undefined) {
    const replaced = await replacedTask({ ...params, rollbackOf: payload.rollback_of }).catch(
      (error: unknown) => {
        warnings.push(`The task rolled back could not be found: ${reasonOf(error)}`);
        return undefined;
      },
    );
    if (replaced !== undefined) {
      events.push({
        type: 'deploy_rolled_back',
        task_id: replaced,
        ...base,
        rollback_deployment_id: event.deploymentId,
      });
    }
  }
  if (events.length === 0) log(`Deployment ${event.deploymentId} names no task: no task record moves.`);
  for (const taskEvent of events) warnings.push(...(await recordOne({ ...params, taskEvent })));
  return warnings;
}

/** The task of the deployment a rollback replaced, from its payload in the environment's history. */
async function replacedTask(params: {
  client: DeploymentHistoryClient;
  event: DeployEvent;
  rollbackOf: number;
}): Promise<string | undefined> {
  const { owner, repo } = params.event.repository;
  const history = await readDeploymentHistory({
    client: params.client,
    owner,
    repo,
    filter: { environment: params.event.environment },
    enough: (records) => records.some((record) => record.id === params.rollbackOf),
  });
  return history.records.find((record) => record.id === params.rollbackOf)?.taskId;
}

async function recordOne(params: {
  recording: DeployTaskRecording;
  client: Pick<StatusCommentClient, 'issues'>;
  event: DeployEvent;
  taskEvent: DeployEventBody;
  log: (line: string) => void;
}): Promise<string[]> {
  const { recording, taskEvent, log } = params;
  const warnings: string[] = [];
  const what = `${taskEvent.type} of ${taskEvent.task_id} in ${taskEvent.environment}`;
  if (recording.taskLog !== undefined) {
    try {
      await recordTaskEvent({ log: recording.taskLog, event: taskEvent });
      log(`Recorded ${what} in the task mirror.`);
    } catch (error) {
      // A task whose implement run kept no record (no mirror then) has none to move: not a fault.
      if (error instanceof TaskEventError || error instanceof IllegalDeployTransitionError)
        log(`The task mirror did not take ${what}: ${error.message}`);
      else warnings.push(`The task mirror could not record ${what}: ${reasonOf(error)}`);
    }
  }
  if (recording.trust !== undefined) {
    try {
      await updateDeployStatusComment({
        client: params.client,
        trust: recording.trust,
        repository: params.event.repository,
        event: taskEvent,
        log,
      });
    } catch (error) {
      warnings.push(`The status comment of ${taskEvent.task_id} could not be updated: ${reasonOf(error)}`);
    }
  }
  return warnings;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
