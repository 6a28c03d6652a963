import type { DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import { summarizeOutcome, type OutcomeSummary } from '../../core/outcome/outcome-summary.js';
import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import { isRecord } from '../../core/request/is-record.js';
import type { DeployEventBody } from '../../core/task/apply-deploy-event.js';
import type { TaskEventBody } from '../../core/task/task-event.js';
import { IllegalDeployTransitionError } from '../../core/state/deploy-state.js';
import { TaskEventError } from '../../core/task/task-event-error.js';
import { readDeploymentHistory, type DeploymentHistoryClient } from '../../github/read-deployment-history.js';
import type { StatusTrust } from '../../github/status-trust.js';
import type { VerifiedDeployment } from '../../core/deploy/verified-deployment.js';
import { parseTaskId } from '../../core/task/parse-task-id.js';
import { canonicalGitHubTaskId } from '../../core/task/canonical-github-task-id.js';
import { deployedTaskId } from '../../core/task/deployed-task-id.js';
import { isLocalTaskId } from '../../core/task/is-local-task-id.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import type { UnsentDeployment } from '../../core/state/unsent-deployment.js';
import { TaskStepContendedError } from '../mirror/record-task-event.js';
import { openTaskJournal } from '../mirror/task-journal.js';
import { connectedStatusBoard, type BoardClient, type BoardMirrors } from '../task/connected-status-board.js';
import type { StatusBoard, TaskStep } from '../task/status-board.js';
import type { DeployEvent } from './deploy-event.js';
import { refuseForeignTask } from './refuse-foreign-task.js';

/** A point in a deploy run that moves the task's deploy state for the run's environment. */
export type DeployStep =
  | { readonly kind: 'started' }
  /**
   * The run refused the deployment before any stack operation (its environment locked by another
   * run, parameters that cannot be prepared): the deploy state does not move, the outcome is
   * recorded as the deployed task's last outcome, so the status comment, the Action's `result`
   * and the mirrors say the same.
   */
  | { readonly kind: 'refused'; readonly outcome: TaskOutcome }
  | {
      readonly kind: 'finished';
      readonly succeeded: boolean;
      readonly environmentUrl?: string;
      /** The deployment's record the deployments store did not take (`storeDeployment`): kept for a re-send. */
      readonly unsentRecord?: UnsentDeployment;
      /**
       * The deploy run's outcome (what the Action's `result` output reports): recorded as the
       * deployed task's last outcome with the finish, so its milestone carries the reason code.
       */
      readonly outcome?: TaskOutcome;
    };

/** What a deploy step records on a task: a move of its deploy state, or a refusal's outcome. */
type RecordedEvent = DeployEventBody | Extract<TaskEventBody, { type: 'outcome_recorded' }>;

/** The mirrors a deploy run writes: every board mirror but the artifacts store. */
export type DeployRunMirrors = Omit<BoardMirrors, 'artifacts'>;

/** Where a deploy run keeps the task's deploy state; each part is optional. */
export interface DeployTaskRecording {
  /**
   * The configured mirrors: the tasks and results tables, the event bus, and the deployments
   * bucket the board re-sends earlier deployment records to. Never the artifacts bucket: the
   * deploy role is not granted it (least privilege), so an attempt's unsent artifacts stay in the
   * marker for the next step of the implement workflow, whose role writes them.
   */
  readonly mirrors?: DeployRunMirrors;
  /** Judges the status comment; absent: the comment is not read or edited. */
  readonly trust?: StatusTrust;
  /**
   * The proof that the deployment's payload was verified (`verifyDeployment`); absent, nothing the
   * payload says about another name of this repository moves a shared mirror record.
   */
  readonly verified?: VerifiedDeployment;
  /** Waits before the status comment is read back the second time (`settleWithin`); absent: `SETTLE_MS`. */
  readonly settle?: () => Promise<void>;
}

/**
 * Moves the deploy state of the task(s) a deployment touches, for its environment only (DESIGN §3):
 * the payload's `task_id` goes `deploying` on start, `deployed` or `deploy_failed` at the end (a
 * `task_id` under the repository's former name is the same issue's under its name now, when the
 * payload's `repository_id` is this repository's, or the proof of its verification holds for
 * this repository's id (`recording.verified`; an older name-bound payload has no id of its own):
 * `deployedTaskId`; its records migrate only with the proof); a
 * successful rollback (`rollback_of`) also moves the task of the deployment it replaced to
 * `rolled_back`. A finish carrying the run's `outcome` records it as the deployed task's last
 * outcome in the same step, so its milestone (`Deploy Failed`…) carries the reason code. Each move goes through the task's status board, built as every other run builds
 * it (`connectedStatusBoard`): the record in the status comment's marker, its deploy section, the
 * mirror tables and the lifecycle event on the bus; the write read back and re-applied on top of a
 * racing run's; earlier unsent artifacts and deployment records re-sent. A finished step's
 * `unsentRecord` rides in the marker of the deployment's own task until a later step re-sends it
 * (a task without a trusted status comment has nowhere to keep it: a warning names it lost).
 * A task no trusted status comment carries moves in the
 * mirror tables alone (`openTaskJournal`). Never throws: a deploy is never failed by its record;
 * what could not be written comes back as warnings for the deploy report, the reasons in the log.
 */
export async function recordDeployStep(params: {
  recording: DeployTaskRecording;
  client: BoardClient & DeploymentHistoryClient;
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
  const events: RecordedEvent[] = [];
  // A payload made before task ids were canonical, or before a case-only rename, spells the task's
  // repository otherwise: the run moves the task under its id (`canonicalGitHubTaskId`: a deployment
  // is a GitHub repository's, so its payload names a GitHub task), migrating the records kept under
  // the payload's spelling (`formerIds`).
  // A payload made before a rename or a transfer names the repository's former name: its
  // `repository_id`, when this repository's, makes it this repository's task (`deployedTaskId`).
  const formerIds = new Map<string, string>();
  /** Tasks whose former name only a verified payload proves: their mirror records may migrate. */
  const provenRenamed = new Set<string>();
  const canonical = (taskId: string, payloadRepositoryId: number | undefined, verified: boolean) => {
    const own = deployedTaskId({
      taskId,
      owner: event.repository.owner,
      repo: event.repository.repo,
      repositoryId: event.repositoryId,
      payloadRepositoryId,
    });
    const id = own?.taskId ?? canonicalGitHubTaskId(taskId);
    if (id !== taskId) formerIds.set(id, taskId);
    if (own?.renamed === true && verified) provenRenamed.add(id);
    return id;
  };
  if (payload.task_id !== undefined) {
    // Only a proof of this deployment's payload lets its word move shared records; it also carries
    // the id the signature holds for, which an older name-bound payload does not name itself.
    const proof = params.recording.verified;
    const verified =
      proof?.vouchesFor({ deploymentId: event.deploymentId, taskId: payload.task_id }) === true;
    const taskId = canonical(
      payload.task_id,
      verified && proof !== undefined ? proof.repositoryId : payload.repository_id,
      verified,
    );
    events.push(deployedTaskEvent({ step, taskId, at, event }));
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
        // That deployment's payload was not verified here: its former name moves no mirror record.
        task_id: canonical(replaced.taskId, replaced.repositoryId, false),
        ...base,
        rollback_deployment_id: event.deploymentId,
        rolled_back_deployment_id: payload.rollback_of,
      });
    }
  }
  if (events.length === 0) log(`Deployment ${event.deploymentId} names no task: no task record moves.`);
  // The deployment's own record rides with the first task it moves: the deployed task, else the one rolled back.
  const unsentRecord = step.kind === 'finished' ? step.unsentRecord : undefined;
  // The run's outcome goes with the finish of the deployment's own task, in the same step.
  const outcome =
    step.kind === 'finished' && step.outcome !== undefined && payload.task_id !== undefined
      ? summarizeOutcome(step.outcome)
      : undefined;
  for (const [index, taskEvent] of events.entries()) {
    const unsent = index === 0 ? unsentRecord : undefined;
    const ownOutcome = index === 0 && taskEvent.type === 'deploy_finished' ? outcome : undefined;
    warnings.push(
      ...(await recordOne({
        ...params,
        taskEvent,
        formerTaskId: formerIds.get(taskEvent.task_id),
        renamed: provenRenamed.has(taskEvent.task_id),
        ...(unsent === undefined ? {} : { unsent }),
        ...(ownOutcome === undefined ? {} : { outcome: ownOutcome }),
      })),
    );
  }
  if (unsentRecord !== undefined && events.length === 0)
    warnings.push(
      `The record of deployment ${event.deploymentId} is lost: it names no task whose status could keep it for a re-send.`,
    );
  return warnings;
}

/** The event the step records for the deployment's own task. */
function deployedTaskEvent(params: {
  step: DeployStep;
  taskId: string;
  at: string;
  event: DeployEvent;
}): RecordedEvent {
  const { step, taskId, at, event } = params;
  const base = { task_id: taskId, environment: event.environment, at, deployment_id: event.deploymentId };
  switch (step.kind) {
    case 'started':
      return { type: 'deploy_started', ...base, sha: event.sha };
    case 'refused':
      return { type: 'outcome_recorded', task_id: taskId, at, outcome: summarizeOutcome(step.outcome) };
    case 'finished':
      return {
        type: 'deploy_finished',
        ...base,
        // So the finish lands even when this run's start step could not be recorded.
        sha: event.sha,
        succeeded: step.succeeded,
        ...(step.environmentUrl === undefined ? {} : { environment_url: step.environmentUrl }),
      };
  }
}

/**
 * The task of the deployment a rollback replaced, and the repository id its payload names, from
 * its payload in the environment's history.
 */
async function replacedTask(params: {
  client: DeploymentHistoryClient;
  event: DeployEvent;
  rollbackOf: number;
}): Promise<{ taskId: string; repositoryId: number | undefined } | undefined> {
  const { owner, repo } = params.event.repository;
  const history = await readDeploymentHistory({
    client: params.client,
    owner,
    repo,
    filter: { environment: params.event.environment },
    enough: (records) => records.some((record) => record.id === params.rollbackOf),
  });
  const taskId = history.records.find((record) => record.id === params.rollbackOf)?.taskId;
  if (taskId === undefined) return undefined;
  const payload = history.payloadOf(params.rollbackOf);
  const named = isRecord(payload) ? payload['repository_id'] : undefined;
  return { taskId, repositoryId: typeof named === 'number' ? named : undefined };
}

async function recordOne(params: {
  recording: DeployTaskRecording;
  client: BoardClient;
  event: DeployEvent;
  taskEvent: RecordedEvent;
  /** The task's id as the payload spelled it, when not canonical: its mirror records are migrated. */
  formerTaskId: string | undefined;
  /** `formerTaskId` is another name of this repository, proven by a verified payload's id. */
  renamed: boolean;
  unsent?: UnsentDeployment;
  /** The run's outcome, recorded right after `taskEvent` in the same step. */
  outcome?: OutcomeSummary;
  log: (line: string) => void;
}): Promise<string[]> {
  const { recording, taskEvent, log } = params;
  const what = `${taskEvent.type} of ${taskEvent.task_id} in ${params.event.environment}`;
  const foreign = refuseForeignTask({ taskId: taskEvent.task_id, event: params.event });
  if (foreign !== undefined) {
    log(foreign);
    return [foreign];
  }
  const lostRecord =
    params.unsent === undefined
      ? []
      : [
          `The record of deployment ${params.unsent.deployment_id} is lost: the status of ${taskEvent.task_id} could not keep it for a re-send.`,
        ];
  try {
    const board = await boardOf({ ...params, trust: recording.trust });
    if (board !== undefined) {
      const { type: _type, task_id: _task, at: _at, ...fields } = taskEvent;
      const result = await board.recordSteps(
        [
          { type: taskEvent.type, ...fields } as TaskStep,
          ...(params.outcome === undefined
            ? []
            : [{ type: 'outcome_recorded' as const, outcome: params.outcome }]),
        ],
        params.unsent === undefined ? {} : { unsentDeployments: [params.unsent] },
      );
      if (result.refused === undefined) log(`Recorded ${what} on the status comment.`);
      return [
        // A refused step (a move the deploy table refuses: a finish after its rollback) is said in
        // the deploy report, not only in the log, so the person sees the record did not move.
        ...(result.refused === undefined
          ? []
          : [
              `The status comment of ${taskEvent.task_id} did not take ${what}: ${result.refused.replace(/^⚠️\s*/u, '')}`,
              ...lostRecord,
            ]),
        ...(result.note === undefined ? [] : [result.note]),
        ...(result.warning === undefined ? [] : [result.warning]),
      ];
    }
  } catch (error) {
    return [
      `The status comment of ${taskEvent.task_id} could not be updated: ${reasonOf(error)}`,
      ...lostRecord,
    ];
  }
  // No status comment carries the task (a CLI task, a comment of another agent): the mirror's own record moves.
  const { tasks, events, publisher } = recording.mirrors ?? {};
  if (tasks === undefined || events === undefined) return lostRecord;
  // Without a signed status comment nothing proves an id in the CLI's namespace is this repository's
  // (an account named `local`): the shared tables may hold a CLI task under it, never moved from here.
  if (isLocalTaskId(taskEvent.task_id)) {
    log(
      `Task ${taskEvent.task_id} may be a CLI task: a deploy run does not move its record in the task mirror.`,
    );
    return lostRecord;
  }
  try {
    const journal = openTaskJournal({
      taskId: taskEvent.task_id,
      formerTaskId: params.formerTaskId,
      renamed: params.renamed,
      log: { tasks, events },
      ...(publisher === undefined ? {} : { mirror: { publisher } }),
    });
    const result = await journal.record([
      taskEvent,
      ...(params.outcome === undefined
        ? []
        : [
            {
              type: 'outcome_recorded' as const,
              task_id: taskEvent.task_id,
              at: taskEvent.at,
              outcome: params.outcome,
            },
          ]),
    ]);
    log(`Recorded ${what} in the task mirror.`);
    return [...lostRecord, ...(result.warning === undefined ? [] : [result.warning])];
  } catch (error) {
    // A task whose implement run kept no record (no mirror then) has none to move: not a fault.
    if (error instanceof TaskEventError) {
      log(`The task mirror did not take ${what}: ${error.message}`);
      return lostRecord;
    }
    // A move the deploy table refuses (a finish after its rollback) is no missing record: said.
    if (error instanceof IllegalDeployTransitionError) {
      log(`The task mirror did not take ${what}: ${error.message}`);
      return [`The task mirror did not take ${what}: ${error.message}`, ...lostRecord];
    }
    // Parked, the step is late, not lost: the task's next writer takes it into the record.
    if (error instanceof TaskStepContendedError)
      return [
        error.parked
          ? `The task mirror took ${what} late: ${error.message}.`
          : `The task mirror did not record ${what}: ${error.message}. The deployment's own status in GitHub still holds it.`,
        ...lostRecord,
      ];
    return [`The task mirror could not record ${what}: ${reasonOf(error)}`, ...lostRecord];
  }
}

/**
 * The status board of the task's issue, when the task is an issue of this repository whose status
 * comment this agent wrote and signed (`readTaskStatus`: trusted); any other case is said in the
 * log, and `undefined`. Throws what the GitHub calls throw.
 */
async function boardOf(params: {
  recording: DeployTaskRecording;
  trust: StatusTrust | undefined;
  client: BoardClient;
  event: DeployEvent;
  taskEvent: RecordedEvent;
  log: (line: string) => void;
}): Promise<StatusBoard | undefined> {
  const { client, trust, taskEvent, log } = params;
  if (trust === undefined) return undefined;
  const task = parseTaskId(taskEvent.task_id);
  const { owner, repo } = params.event.repository;
  if (
    task === undefined ||
    task.owner.toLowerCase() !== owner.toLowerCase() ||
    task.repo.toLowerCase() !== repo.toLowerCase()
  ) {
    log(`Task ${taskEvent.task_id} is not an issue of this repository: its status comment is not edited.`);
    return undefined;
  }
  const status = await readTaskStatus({
    client,
    trust,
    owner,
    repo,
    issueNumber: task.issueNumber,
    repositoryId: params.event.repositoryId,
    log,
  });
  if (status === undefined) {
    log(
      `Issue #${task.issueNumber} has no status comment of this agent: the deploy state is not shown there.`,
    );
    return undefined;
  }
  if (status.trust !== 'trusted') {
    log(
      `The status comment on #${task.issueNumber} is not trusted (it ${status.reason}): it is not edited, and the deploy state is not shown there.`,
    );
    return undefined;
  }
  const { mirrors, settle } = params.recording;
  return connectedStatusBoard({
    client,
    trust,
    owner,
    repo,
    issueNumber: task.issueNumber,
    taskId: taskEvent.task_id,
    existing: status,
    repositoryId: params.event.repositoryId,
    ...(mirrors === undefined ? {} : { mirrors }),
    ...(settle === undefined ? {} : { settle }),
    log,
    now: () => new Date(taskEvent.at),
  });
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
