import { BatchGetDeploymentsCommand, ListDeploymentsCommand } from '@aws-sdk/client-codedeploy';
import type { DeploymentInfo } from '@aws-sdk/client-codedeploy';
import { pollUntil } from '../cloudformation/poll-until.js';
import type { Now, PollBackoff, Sleep } from '../cloudformation/poll-until.js';
import { describeTransientError } from '../describe-transient-error.js';
import type { CodeDeployApi } from './codedeploy-api.js';
import type { TrafficShiftingGroup } from './find-traffic-shifting-groups.js';

export type StartedDeployment =
  | {
      readonly kind: 'found';
      readonly deploymentId: string;
      readonly createTime?: Date;
      readonly deploymentConfigName?: string;
    }
  /** Nothing started in time: the update did not touch the alias (for example, the code is unchanged). */
  | { readonly kind: 'none' };

const DEFAULT_BACKOFF: PollBackoff = { initialDelayMs: 2_000, maxDelayMs: 10_000 };
/** BatchGetDeployments takes at most this many ids per call. */
const BATCH_LIMIT = 25;
/** Deployments that undo another one; the update's own deployment is never one of these. */
const ROLLBACK_CREATORS = new Set(['CloudFormationRollback', 'codeDeployRollback']);

/**
 * Waits for the CodeDeploy deployment a stack update started in one deployment group. `since` is
 * when the update began, best taken from the stack's own UPDATE_IN_PROGRESS event so that the
 * runner's clock never decides; deployments created before it belong to earlier updates.
 * When several appear (the update's, then a rollback's), the earliest that is not a rollback wins.
 */
export async function findStartedDeployment(params: {
  codedeploy: CodeDeployApi;
  group: TrafficShiftingGroup;
  since: Date;
  sleep: Sleep;
  now: Now;
  timeoutMs: number;
  backoff?: PollBackoff;
  log?: (line: string) => void;
}): Promise<StartedDeployment> {
  const { codedeploy, group, since, sleep, now, backoff = DEFAULT_BACKOFF } = params;
  const outcome = await pollUntil({
    deadline: now() + params.timeoutMs,
    backoff,
    sleep,
    now,
    onTransientError: (error) => params.log?.(describeTransientError(error)),
    check: async () => {
      const ids = await listDeploymentIds({ codedeploy, group, since });
      if (ids.length === 0) return undefined;
      const infos = await describeDeployments({ codedeploy, ids });
      return earliestUpdateDeployment({ infos, since });
    },
  });
  if (!outcome.done) return { kind: 'none' };
  const info = outcome.value;
  return {
    kind: 'found',
    deploymentId: info.deploymentId ?? '',
    ...(info.createTime === undefined ? {} : { createTime: info.createTime }),
    ...(info.deploymentConfigName === undefined ? {} : { deploymentConfigName: info.deploymentConfigName }),
  };
}

async function listDeploymentIds(params: {
  codedeploy: CodeDeployApi;
  group: TrafficShiftingGroup;
  since: Date;
}): Promise<string[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const answer = await params.codedeploy.send(
      new ListDeploymentsCommand({
        applicationName: params.group.applicationName,
        deploymentGroupName: params.group.deploymentGroupName,
        createTimeRange: { start: params.since },
        ...(nextToken === undefined ? {} : { nextToken }),
      }),
    );
    ids.push(...(answer.deployments ?? []));
    nextToken = answer.nextToken;
  } while (nextToken !== undefined);
  return ids;
}

async function describeDeployments(params: {
  codedeploy: CodeDeployApi;
  ids: readonly string[];
}): Promise<DeploymentInfo[]> {
  const infos: DeploymentInfo[] = [];
  for (let start = 0; start < params.ids.length; start += BATCH_LIMIT) {
    const deploymentIds = params.ids.slice(start, start + BATCH_LIMIT);
    const answer = await params.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds }));
    infos.push(...(answer.deploymentsInfo ?? []));
  }
  return infos;
}

function earliestUpdateDeployment(params: {
  infos: readonly DeploymentInfo[];
  since: Date;
}): DeploymentInfo | undefined {
  const candidates = params.infos.filter(
    (info) =>
      info.deploymentId !== undefined &&
      !ROLLBACK_CREATORS.has(info.creator ?? '') &&
      // The time filter is CodeDeploy's; checked again so an answer outside the range never wins.
      (info.createTime === undefined || info.createTime.getTime() >= params.since.getTime()),
  );
  return candidates.sort(
    (a, b) => (a.createTime?.getTime() ?? Infinity) - (b.createTime?.getTime() ?? Infinity),
  )[0];
}
