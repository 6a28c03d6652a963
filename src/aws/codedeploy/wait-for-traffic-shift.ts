import {
  BatchGetDeploymentTargetsCommand,
  GetDeploymentCommand,
  ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import type { AutoRollbackEvent, DeploymentInfo, LambdaTarget } from '@aws-sdk/client-codedeploy';
import { pollUntil } from '../cloudformation/poll-until.js';
import type { Now, PollBackoff, Sleep } from '../cloudformation/poll-until.js';
import { describeTransientError } from '../describe-transient-error.js';
import type { CodeDeployApi } from './codedeploy-api.js';

/** Where the alias's traffic stood at the last look. */
export interface LambdaTrafficTarget {
  readonly functionName: string;
  readonly alias?: string;
  readonly currentVersion?: string;
  readonly targetVersion?: string;
  /** Share of the alias's traffic on the target version, 0–100. */
  readonly weightPercent?: number;
  /** The first lifecycle hook that failed (BeforeAllowTraffic, AfterAllowTraffic), with its diagnostics. */
  readonly failedHook?: { readonly name: string; readonly message?: string };
}

export type TrafficShiftOutcome =
  | { readonly kind: 'succeeded' }
  | {
      readonly kind: 'rolled-back';
      readonly reason: string;
      readonly errorCode?: string;
      readonly rollbackDeploymentId?: string;
      readonly rollbackMessage?: string;
      /** The CloudWatch alarms whose firing stopped the deployment. */
      readonly alarms?: readonly string[];
    }
  | { readonly kind: 'failed' | 'stopped'; readonly reason: string; readonly errorCode?: string }
  /** The deadline passed with CodeDeploy still shifting; a failure of the deploy, never a warning. */
  | { readonly kind: 'timed-out' };

export type TrafficShiftResult = TrafficShiftOutcome & {
  readonly deploymentId: string;
  readonly deploymentConfigName?: string;
  /** "canary, Canary10Percent5Minutes": the strategy and the config's short name, for people. */
  readonly strategyLabel?: string;
  /** CodeDeploy's status at the last look (Created, InProgress, Succeeded, ...). */
  readonly lastStatus?: string;
  readonly target?: LambdaTrafficTarget;
};

const DEFAULT_BACKOFF: PollBackoff = { initialDelayMs: 3_000, maxDelayMs: 15_000 };
/** Before these, CodeDeploy has not yet listed the alias as a target. */
const NOT_STARTED = new Set(['Created', 'Queued']);

/**
 * Watches a Lambda traffic-shifting deployment until CodeDeploy settles it or the deadline
 * passes, logging each new status and each new traffic weight once.
 */
export async function waitForTrafficShift(params: {
  codedeploy: CodeDeployApi;
  deploymentId: string;
  sleep: Sleep;
  now: Now;
  timeoutMs: number;
  backoff?: PollBackoff;
  log: (line: string) => void;
}): Promise<TrafficShiftResult> {
  const { codedeploy, deploymentId, sleep, now, log, backoff = DEFAULT_BACKOFF } = params;
  let info: DeploymentInfo = { deploymentId };
  let target: LambdaTrafficTarget | undefined;
  let targetIds: string[] = [];
  let loggedStatus: string | undefined;
  let loggedWeight: string | undefined;

  const settled = await pollUntil({
    deadline: now() + params.timeoutMs,
    backoff,
    sleep,
    now,
    onTransientError: (error) => log(describeTransientError(error)),
    check: async () => {
      const answer = await codedeploy.send(new GetDeploymentCommand({ deploymentId }));
      info = answer.deploymentInfo ?? info;
      const status = info.status ?? 'Unknown';
      if (status !== loggedStatus) {
        log(
          `CodeDeploy deployment ${deploymentId} (${info.deploymentGroupName ?? 'unknown group'}): ${status}`,
        );
        loggedStatus = status;
      }
      if (!NOT_STARTED.has(status)) {
        if (targetIds.length === 0) targetIds = await listTargetIds({ codedeploy, deploymentId });
        target = (await readLambdaTarget({ codedeploy, deploymentId, targetIds })) ?? target;
      }
      const weightLine = target === undefined ? undefined : describeWeight(target, strategyLabel(info));
      if (weightLine !== undefined && weightLine !== loggedWeight) {
        log(weightLine);
        loggedWeight = weightLine;
      }
      return isSettled(status) ? info : undefined;
    },
  });

  const label = strategyLabel(info);
  const facts = {
    deploymentId,
    ...(info.deploymentConfigName === undefined ? {} : { deploymentConfigName: info.deploymentConfigName }),
    ...(label === undefined ? {} : { strategyLabel: label }),
    ...(info.status === undefined ? {} : { lastStatus: info.status }),
    ...(target === undefined ? {} : { target }),
  };
  if (!settled.done) return { kind: 'timed-out', ...facts };
  return { ...outcomeOf(settled.value, target), ...facts };
}

function isSettled(status: string): boolean {
  return status === 'Succeeded' || status === 'Failed' || status === 'Stopped';
}

async function listTargetIds(params: { codedeploy: CodeDeployApi; deploymentId: string }): Promise<string[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const answer = await params.codedeploy.send(
      new ListDeploymentTargetsCommand({
        deploymentId: params.deploymentId,
        ...(nextToken === undefined ? {} : { nextToken }),
      }),
    );
    ids.push(...(answer.targetIds ?? []));
    nextToken = answer.nextToken;
  } while (nextToken !== undefined);
  return ids;
}

/** A Lambda deployment shifts one alias, so it has one target. */
async function readLambdaTarget(params: {
  codedeploy: CodeDeployApi;
  deploymentId: string;
  targetIds: string[];
}): Promise<LambdaTrafficTarget | undefined> {
  if (params.targetIds.length === 0) return undefined;
  const answer = await params.codedeploy.send(
    new BatchGetDeploymentTargetsCommand({ deploymentId: params.deploymentId, targetIds: params.targetIds }),
  );
  const lambda = answer.deploymentTargets?.find((target) => target.lambdaTarget !== undefined)?.lambdaTarget;
  return lambda === undefined ? undefined : toTrafficTarget(lambda);
}

function toTrafficTarget(lambda: LambdaTarget): LambdaTrafficTarget {
  const fn = lambda.lambdaFunctionInfo;
  const failed = lambda.lifecycleEvents?.find((event) => event.status === 'Failed');
  const weight = fn?.targetVersionWeight;
  return {
    functionName: fn?.functionName ?? lambda.targetId ?? 'unknown function',
    ...(fn?.functionAlias === undefined ? {} : { alias: fn.functionAlias }),
    ...(fn?.currentVersion === undefined ? {} : { currentVersion: fn.currentVersion }),
    ...(fn?.targetVersion === undefined ? {} : { targetVersion: fn.targetVersion }),
    ...(weight === undefined ? {} : { weightPercent: asPercent(weight) }),
    ...(failed?.lifecycleEventName === undefined
      ? {}
      : {
          failedHook: {
            name: failed.lifecycleEventName,
            ...(failed.diagnostics?.message === undefined ? {} : { message: failed.diagnostics.message }),
          },
        }),
  };
}

/**
 * CodeDeploy reports the weight the way a Lambda alias's routing config holds it, as a share
 * of 1; a value above 1 can only be a percentage already.
 */
function asPercent(weight: number): number {
  return weight > 1 ? Math.round(weight) : Math.round(weight * 100);
}

function describeWeight(target: LambdaTrafficTarget, label: string | undefined): string | undefined {
  if (target.weightPercent === undefined) return undefined;
  const version = target.targetVersion === undefined ? '' : ` on version ${target.targetVersion}`;
  const how = label === undefined ? '' : ` (${label})`;
  return `Shifting traffic: ${target.weightPercent}%${version}${how}`;
}

/** "CodeDeployDefault.LambdaCanary10Percent5Minutes" → "canary, Canary10Percent5Minutes". */
function strategyLabel(info: DeploymentInfo): string | undefined {
  const name = info.deploymentConfigName;
  if (name === undefined) return undefined;
  const short = name.replace(/^CodeDeployDefault\.Lambda/, '');
  // Our blueprints shift all at once for blue-green: the new version is checked by its hooks first.
  const strategy = /canary/i.test(short)
    ? 'canary'
    : /linear/i.test(short)
      ? 'linear'
      : /allatonce/i.test(short)
        ? 'blue-green'
        : undefined;
  return strategy === undefined ? short : `${strategy}, ${short}`;
}

function outcomeOf(info: DeploymentInfo, target: LambdaTrafficTarget | undefined): TrafficShiftOutcome {
  if (info.status === 'Succeeded') return { kind: 'succeeded' };
  const errorCode = info.errorInformation?.code;
  const reason = reasonOf(info, target);
  const code = errorCode === undefined ? {} : { errorCode };
  if (wasRolledBack(info)) {
    const rollback = info.rollbackInfo;
    const alarms = errorCode === 'ALARM_ACTIVE' ? activatedAlarms(info.errorInformation?.message) : [];
    return {
      kind: 'rolled-back',
      reason,
      ...code,
      ...(rollback?.rollbackDeploymentId === undefined
        ? {}
        : { rollbackDeploymentId: rollback.rollbackDeploymentId }),
      ...(rollback?.rollbackMessage === undefined ? {} : { rollbackMessage: rollback.rollbackMessage }),
      ...(alarms.length === 0 ? {} : { alarms }),
    };
  }
  return { kind: info.status === 'Stopped' ? 'stopped' : 'failed', reason, ...code };
}

/**
 * CodeDeploy names the rollback deployment in `rollbackInfo` once it starts one; when it has not
 * (yet), an automatic-rollback setting that covers what happened means traffic goes back all the same.
 */
function wasRolledBack(info: DeploymentInfo): boolean {
  if (info.rollbackInfo?.rollbackDeploymentId !== undefined) return true;
  const auto = info.autoRollbackConfiguration;
  return auto?.enabled === true && (auto.events ?? []).includes(rollbackEventFor(info));
}

/** The AutoRollbackConfiguration event that covers how the deployment ended. */
function rollbackEventFor(info: DeploymentInfo): AutoRollbackEvent {
  if (info.errorInformation?.code === 'ALARM_ACTIVE') return 'DEPLOYMENT_STOP_ON_ALARM';
  if (info.status === 'Stopped') return 'DEPLOYMENT_STOP_ON_REQUEST';
  return 'DEPLOYMENT_FAILURE';
}

function reasonOf(info: DeploymentInfo, target: LambdaTrafficTarget | undefined): string {
  const message =
    info.errorInformation?.message ?? `CodeDeploy deployment ended ${info.status ?? 'without a status'}`;
  const hook = target?.failedHook;
  if (info.errorInformation?.code !== 'HOOK_EXECUTION_FAILURE' || hook === undefined) return message;
  return `${hook.name} hook failed${hook.message === undefined ? '' : `: ${hook.message}`} (${message})`;
}

/** "... Activated alarms: <OrdersApi-errors> <OrdersApi-latency>" → ["OrdersApi-errors", "OrdersApi-latency"]. */
function activatedAlarms(message: string | undefined): string[] {
  const listed = message?.split(/Activated alarms:/i)[1];
  if (listed === undefined) return [];
  const bracketed = [...listed.matchAll(/<([^>]+)>/g)].map((match) => match[1]?.trim() ?? '');
  const names = bracketed.length > 0 ? bracketed : listed.split(/[,\s]+/);
  return names.map((name) => name.replace(/[.]$/, '').trim()).filter((name) => name !== '');
}
