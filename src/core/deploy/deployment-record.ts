import { isRecord } from '../request/is-record.js';
import { isDryRun } from './is-dry-run.js';

export const DEPLOYMENT_STATUS_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const;

export type DeploymentStatusState = (typeof DEPLOYMENT_STATUS_STATES)[number];

/** The fields this module reads from `GET /repos/{owner}/{repo}/deployments` items; Octokit's type fits it. */
export interface GitHubDeployment {
  /** Octokit types ids as `number | bigint`; deployment ids stay far below 2^53. */
  id: number | bigint;
  sha: string;
  ref: string;
  environment: string;
  created_at: string;
  creator: { login: string } | null;
  /** An object when the deployment was created with one, a string when created with a string. */
  payload: Readonly<Record<string, unknown>> | string;
}

/** The fields read from `GET /repos/{owner}/{repo}/deployments/{id}/statuses` items. */
export interface GitHubDeploymentStatus {
  id: number | bigint;
  state: DeploymentStatusState;
  created_at: string;
}

/** What deploy decisions need to know about one deployment and its statuses. */
export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  createdAt: string;
  creator?: string;
  /** Absent when no status was ever posted (the deploy workflow never started). */
  latestState?: DeploymentStatusState;
  /**
   * Whether it ever ran successfully: a status was `success` and it was not a dry run. GitHub turns
   * earlier deployments `inactive` once a newer one succeeds, and a rollback does too, so the latest
   * state alone forgets that they once ran.
   */
  everSucceeded: boolean;
  /** Made with `--dry-run` (payload `dry_run`): a change set only, never what runs. */
  dryRun: boolean;
  /** The branch its sha was on when it was allowed (payload `branch`), when recorded. */
  branch?: string;
  taskId?: string;
  stackName?: string;
  /** Set on deployments made by `/rollback`: the id of the deployment they replaced. */
  rollbackOf?: number;
}

export function toDeploymentRecord(
  deployment: GitHubDeployment,
  statuses: readonly GitHubDeploymentStatus[],
): DeploymentRecord {
  // The API lists statuses newest first; sorting anyway keeps hand-made or merged lists honest.
  const [latest] = [...statuses].sort(newestStatusFirst);
  const payload = payloadObject(deployment.payload);
  const taskId = nonEmptyString(payload['task_id']);
  const stackName = nonEmptyString(payload['stack_name']);
  const rollbackOf = deploymentId(payload['rollback_of']);
  const branch = nonEmptyString(payload['branch']);
  const dryRun = isDryRun(payload);
  return {
    id: Number(deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    environment: deployment.environment,
    createdAt: deployment.created_at,
    ...(deployment.creator ? { creator: deployment.creator.login } : {}),
    ...(latest ? { latestState: latest.state } : {}),
    everSucceeded: !dryRun && statuses.some((status) => status.state === 'success'),
    dryRun,
    ...(branch !== undefined ? { branch } : {}),
    ...(taskId !== undefined ? { taskId } : {}),
    ...(stackName !== undefined ? { stackName } : {}),
    ...(rollbackOf !== undefined ? { rollbackOf } : {}),
  };
}

function newestStatusFirst(left: GitHubDeploymentStatus, right: GitHubDeploymentStatus): number {
  return Date.parse(right.created_at) - Date.parse(left.created_at) || Number(right.id) - Number(left.id);
}

/** A payload that is not a JSON object carries none of our fields; it is not an error to report. */
function payloadObject(payload: GitHubDeployment['payload']): Readonly<Record<string, unknown>> {
  if (typeof payload !== 'string') return payload;
  try {
    const parsed: unknown = JSON.parse(payload);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function deploymentId(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^[1-9]\d*$/.test(value)) return deploymentId(Number(value));
  return undefined;
}
