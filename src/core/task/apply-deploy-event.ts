import { assertDeployTransition, type DeployState } from '../state/deploy-state.js';
import { TaskEventError } from './task-event-error.js';
import type { TaskEventBody } from './task-event.js';
import type { EnvironmentDeploy } from './task-record.js';

/** The events that move an environment's deploy state, never the task's. */
export type DeployEventBody = Extract<
  TaskEventBody,
  { type: 'deploy_started' | 'deploy_finished' | 'deploy_rolled_back' }
>;

/** Environment name → its deploy state, as the task record and the status marker keep it. */
export type EnvironmentDeploys = Readonly<Record<string, EnvironmentDeploy>>;

/**
 * Folds one deploy event into a task's per-environment deploy state (DESIGN §3), pure: the one
 * place `deploy_started` → `deploying`, `deploy_finished` → `deployed` | `deploy_failed` and
 * `deploy_rolled_back` → `rolled_back` are decided, for the task record (`applyTaskEvent`) and the
 * status comment's marker alike. A finish of a deployment another one has since replaced leaves the
 * state as it is; a finish of a newer deployment whose start was never recorded (the status comment
 * or the mirror failed at the start) is taken as its start and its end, when it names its `sha`. A
 * rollback marks the entry `rolled_back` only when the entry is the deployment it replaced
 * (`rolled_back_deployment_id`): the rollback's own deployment of this task stays as it is. A
 * finish of a deployment that never started (`unstartable`) replaces nothing that runs: it is kept
 * beside the entry (`last_attempt`), or, in an environment never deployed to, is its entry
 * (`deploy_failed`); a later deployment supersedes it, an older one arriving after it keeps it. A
 * start the entry already knows past (`staleStart`: a duplicate, or an older deployment's, timed
 * no later than the entry's last change) leaves the state as it is: webhooks arrive at least once
 * and in no set order. Throws `IllegalDeployTransitionError` for a move the deploy table refuses and
 * `TaskEventError` when the state would lack a deployment id, sha or time.
 */
export function applyDeployEvent(params: {
  environments: EnvironmentDeploys;
  taskId: string;
  event: DeployEventBody;
}): EnvironmentDeploys {
  const { environments, event } = params;
  const current = environmentOf(environments, event.environment);
  const set = (to: DeployState, fields: Partial<Omit<EnvironmentDeploy, 'status'>>) =>
    withEnvironment({ ...params, to, fields });
  switch (event.type) {
    case 'deploy_started':
      if (staleStart(current, event)) return environments;
      return keepingNewerAttempt(
        current,
        set('deploying', { deployment_id: event.deployment_id, sha: event.sha, updated_at: event.at }),
        event.environment,
      );
    case 'deploy_finished': {
      if (event.unstartable === true && current !== undefined)
        return withAttempt({ environments, event, current });
      return keepingNewerAttempt(current, finished({ ...params, event, current }), event.environment);
    }
    case 'deploy_rolled_back':
      if (!replacedBy(current, event)) return environments;
      return set('rolled_back', {
        ...current,
        rolled_back_by: event.rollback_deployment_id,
        updated_at: event.at,
      });
  }
}

/**
 * Whether a start is older than what the entry already knows: a start of the entry's own deployment
 * or of an older one (GitHub's deployment ids only grow) timed no later than the entry's last change
 * (`updated_at`) — a duplicate delivery, or a start that arrives after that deployment's finish,
 * rollback or replacement. Taken, it would move a `deployed` | `rolled_back` entry back to
 * `deploying` with an older sha. A start timed after the entry (a re-run of the deploy job deploys
 * again) is no stale start, nor is a newer deployment's (it runs now, whatever its time says). A
 * time that does not parse counts as stale: the entry is not moved on what cannot be read.
 */
function staleStart(
  current: EnvironmentDeploy | undefined,
  event: Extract<DeployEventBody, { type: 'deploy_started' }>,
): boolean {
  if (current === undefined || event.deployment_id > current.deployment_id) return false;
  const started = Date.parse(event.at);
  const known = Date.parse(current.updated_at);
  if (Number.isNaN(started) || Number.isNaN(known)) return true;
  return started <= known;
}

/**
 * A finish (`deployed` | `deploy_failed`) of a deployment that did start: the entry's own, or a
 * newer one whose start was never recorded, which starts and finishes here.
 */
function finished(params: {
  environments: EnvironmentDeploys;
  taskId: string;
  event: Extract<DeployEventBody, { type: 'deploy_finished' }>;
  current: EnvironmentDeploy | undefined;
}): EnvironmentDeploys {
  const { environments, event, current } = params;
  const set = (to: DeployState, fields: Partial<Omit<EnvironmentDeploy, 'status'>>) =>
    withEnvironment({ ...params, to, fields });
  const unstarted = current === undefined || current.deployment_id !== event.deployment_id;
  // A deployment newer than the entry (GitHub's ids only grow) whose start was never recorded
  // starts and finishes here; an older one, or one that does not say its sha, leaves it.
  const { sha } = event;
  const startsHere =
    unstarted && sha !== undefined && (current === undefined || current.deployment_id < event.deployment_id);
  // (A finish of an environment never deployed, without its sha, is still refused below.)
  if (unstarted && !startsHere && current !== undefined) return environments;
  const started =
    startsHere && sha !== undefined
      ? set('deploying', { deployment_id: event.deployment_id, sha, updated_at: event.at })
      : environments;
  return withEnvironment({
    ...params,
    environments: started,
    to: event.succeeded ? 'deployed' : 'deploy_failed',
    fields: {
      ...environmentOf(started, event.environment),
      deployment_id: event.deployment_id,
      ...(event.environment_url === undefined ? {} : { environment_url: event.environment_url }),
      updated_at: event.at,
    },
  });
}

/**
 * The entry a start or a finish made, still carrying the attempt that could not start
 * (`last_attempt`) when that attempt is newer than the deployment now in the entry: only a later
 * deployment supersedes it, never one that was queued before it and arrives after.
 */
function keepingNewerAttempt(
  previous: EnvironmentDeploy | undefined,
  environments: EnvironmentDeploys,
  environment: string,
): EnvironmentDeploys {
  const attempt = previous?.last_attempt;
  const entry = environmentOf(environments, environment);
  if (attempt === undefined || entry === undefined || entry === previous) return environments;
  if (attempt.deployment_id <= entry.deployment_id) return environments;
  return { ...environments, [environment]: { ...entry, last_attempt: attempt } };
}

/**
 * The environment's entry as it is, with a deployment that never started (`unstartable`) kept as its
 * `last_attempt`: it ran nothing, so it neither ends what runs nor stops that deployment's own
 * finish or rollback from landing. An attempt older than the one kept leaves it.
 */
function withAttempt(params: {
  environments: EnvironmentDeploys;
  event: Extract<DeployEventBody, { type: 'deploy_finished' }>;
  current: EnvironmentDeploy;
}): EnvironmentDeploys {
  const { environments, event, current } = params;
  const kept = current.last_attempt;
  if (event.sha === undefined || (kept !== undefined && kept.deployment_id >= event.deployment_id))
    return environments;
  const last_attempt = {
    deployment_id: event.deployment_id,
    sha: event.sha,
    status: 'deploy_failed' as const,
    at: event.at,
  };
  return { ...environments, [event.environment]: { ...current, last_attempt } };
}

/**
 * Whether the environment's entry is the deployment the rollback replaced: the one it names, or (an
 * event from before it named one) any older deployment than the rollback. The rollback's own
 * deployment (this task's, when an automatic rollback redeployed its earlier payload) or a later
 * one is not rolled back by it.
 */
function replacedBy(
  current: EnvironmentDeploy | undefined,
  event: Extract<DeployEventBody, { type: 'deploy_rolled_back' }>,
): boolean {
  if (current === undefined) return true; // refused below: nothing deployed to roll back
  return event.rolled_back_deployment_id === undefined
    ? current.deployment_id < event.rollback_deployment_id
    : current.deployment_id === event.rolled_back_deployment_id;
}

/** Environment names come from GitHub: only own entries count (`constructor` is no environment). */
export function environmentOf(
  environments: EnvironmentDeploys,
  environment: string,
): EnvironmentDeploy | undefined {
  return Object.hasOwn(environments, environment) ? environments[environment] : undefined;
}

function withEnvironment(params: {
  environments: EnvironmentDeploys;
  taskId: string;
  event: DeployEventBody;
  to: DeployState;
  fields: Partial<Omit<EnvironmentDeploy, 'status'>>;
}): EnvironmentDeploys {
  const { environments, to, fields } = params;
  const { environment } = params.event;
  assertDeployTransition({ environment, from: environmentOf(environments, environment)?.status, to });
  const { deployment_id, sha, updated_at } = fields;
  if (deployment_id === undefined || sha === undefined || updated_at === undefined) {
    throw new TaskEventError(
      `The deploy state of ${environment} in task ${params.taskId} needs a deployment id, sha and time.`,
    );
  }
  const entry: EnvironmentDeploy = { ...fields, deployment_id, sha, updated_at, status: to };
  return { ...environments, [environment]: entry };
}
