import type { AgentConfig } from '../../core/config/agent-config.js';
import type { DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { DeploymentStore } from '../../core/deploy/deployment-store.js';
import { isDryRun } from '../../core/deploy/is-dry-run.js';
import { escapeMarkdown } from '../../core/text/escape-markdown.js';
import type { CloudFormationApi } from '../../aws/cloudformation/cloudformation-api.js';
import type { DeployResult } from '../../aws/cloudformation/deploy-result.js';
import { deployStack } from '../../aws/cloudformation/deploy-stack.js';
import type { DeployLockStore } from '../../aws/dynamodb/deploy-lock.js';
import { describeLockHolder } from '../../aws/dynamodb/describe-lock-holder.js';
import { withDeployLock } from '../../aws/dynamodb/with-deploy-lock.js';
import type { Now, Sleep } from '../../aws/cloudformation/poll-until.js';
import { stackTags } from '../../aws/cloudformation/stack-tags.js';
import type { CodeDeployApi } from '../../aws/codedeploy/codedeploy-api.js';
import type { CloudWatchApi } from '../../aws/cloudwatch/watch-alarms.js';
import { setDeploymentStatus } from '../../github/set-deployment-status.js';
import type { DeployEvent } from './deploy-event.js';
import { bakeDeployment } from './bake-deployment.js';
import { rollBackAfterFailure } from './roll-back-after-failure.js';
import { checkDeployment } from './check-deployment.js';
import type { DeployRunClient } from './deploy-run-client.js';
import { renderDeployReport } from './render-deploy-report.js';
import { followTrafficShift } from './follow-traffic-shift.js';

export type { DeployRunClient } from './deploy-run-client.js';

export type DeploymentOutcome =
  | { readonly status: 'deployed'; readonly deploymentId: number; readonly result: DeployResult }
  | {
      readonly status: 'deploy_failed';
      readonly deploymentId: number;
      readonly message: string;
      readonly result?: DeployResult;
    };

/** Every capability a generated template may need; CloudFormation refuses IAM resources without them. */
const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

/**
 * Carries out one GitHub deployment: 1. mark it in progress; 2. check the payload and that the sha is
 * still the one checked; 3. read the template at that sha; 4. deploy the stack through a change
 * set; 5. end with success or failure on the deployment and a report on the PR. Any crash still
 * ends the deployment with a final status.
 */
export async function runDeployment(params: {
  client: DeployRunClient;
  /** The payload names the region, so the client is made once it is known. */
  cloudFormationFor: (region: string) => CloudFormationApi;
  /** For the bake window: watches the environment's alarms after a successful deploy. */
  cloudWatchFor?: (region: string) => CloudWatchApi;
  /** For canary, linear and blue-green strategies: follows the traffic shift the update started. */
  codeDeployFor?: (region: string) => CodeDeployApi;
  event: DeployEvent;
  config: AgentConfig;
  timeoutMs: number;
  /** Keeps each deployment's exact template, parameters and outputs; rollbacks read them back. */
  deploymentStore?: DeploymentStore;
  /** One deploy per environment across runs and repositories sharing a table; absent: the workflow's concurrency only. */
  lockStore?: DeployLockStore;
  logUrl?: string;
  sleep: Sleep;
  now: Now;
  log: (line: string) => void;
}): Promise<DeploymentOutcome> {
  const { client, event } = params;
  const { owner, repo } = event.repository;
  const status = (
    state: 'in_progress' | 'success' | 'failure' | 'error',
    description: string,
    environmentUrl?: string,
  ) =>
    setDeploymentStatus({
      client,
      owner,
      repo,
      deploymentId: event.deploymentId,
      state,
      description,
      ...(environmentUrl === undefined ? {} : { environmentUrl }),
      ...(params.logUrl === undefined ? {} : { logUrl: params.logUrl }),
      dryRun: isDryRun(event.payload),
    });
  await status('in_progress', `Deploying ${event.sha.slice(0, 7)} to ${event.environment}`);
  try {
    const refusal = await checkDeployment(params);
    if (typeof refusal === 'string') {
      await status('failure', refusal);
      return { status: 'deploy_failed', deploymentId: event.deploymentId, message: refusal };
    }
    return await deployChecked({ ...params, payload: refusal.payload, template: refusal.template, status });
  } catch (error) {
    const message = `The deploy run stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    await status('error', message).catch(() => undefined);
    throw error;
  }
}

async function deployChecked(
  params: Parameters<typeof runDeployment>[0] & {
    payload: DeploymentPayload;
    template: string;
    status: (state: 'success' | 'failure', description: string, environmentUrl?: string) => Promise<void>;
  },
): Promise<DeploymentOutcome> {
  const { client, event, payload, config } = params;
  const { owner, repo } = event.repository;
  const environment = config.environments[event.environment];
  const comment = async (body: string) => {
    if (payload.pull_number !== undefined)
      await client.issues.createComment({ owner, repo, issue_number: payload.pull_number, body });
  };
  const since = new Date(params.now());
  const deploy = () =>
    deployStack({
      cfn: params.cloudFormationFor(payload.region),
      stackName: payload.stack_name,
      templateBody: params.template,
      parameters: payload.parameters,
      tags: stackTags({
        taskId: payload.task_id ?? `${owner}/${repo}`,
        repository: `${owner}/${repo}`,
        sha: event.sha,
        environment: event.environment,
      }),
      capabilities: CAPABILITIES,
      ...(environment && environment.alarm_arns.length > 0
        ? {
            rollbackConfiguration: {
              alarmArns: environment.alarm_arns,
              monitoringMinutes: environment.rollback_monitoring_minutes,
            },
          }
        : {}),
      recreateRolledBackStack: environment?.recreate_rolled_back_stack ?? false,
      terminationProtection: environment?.termination_protection ?? false,
      changeSetName: `implementation-agent-${event.deploymentId}`,
      dryRun: payload.dry_run,
      timeoutMs: params.timeoutMs,
      sleep: params.sleep,
      now: params.now,
      log: params.log,
      onChangeSet: (summary) =>
        comment(
          `#### Change set for \`${escapeMarkdown(payload.stack_name)}\` (${event.environment})\n\n${summary.markdown}`,
        ),
    });
  const locked = params.lockStore
    ? await withDeployLock(
        {
          store: params.lockStore,
          repository: `${owner}/${repo}`,
          environment: event.environment,
          holder: payload.requested_by,
          ref: payload.pull_number === undefined ? event.sha : `#${payload.pull_number}`,
          sha: event.sha,
          deploymentId: event.deploymentId,
          ...(params.logUrl === undefined ? {} : { runUrl: params.logUrl }),
          // Outlives the deploy's own deadline, so a live deploy never loses its lock; a dead one frees it soon after.
          ttlSeconds: Math.ceil(params.timeoutMs / 1000) + 300,
        },
        deploy,
      )
    : { ran: true as const, value: await deploy() };
  if (!locked.ran) {
    const message = describeLockHolder(locked.heldBy, params.now());
    await comment(`⏳ Not deployed: ${message}`);
    await params.status(
      'failure',
      `${event.environment} is locked by ${locked.heldBy.holder}; nothing was deployed`,
    );
    return { status: 'deploy_failed', deploymentId: event.deploymentId, message };
  }
  const traffic = await followTrafficIfShifted({ ...params, payload, result: locked.value, since });
  const shifted: DeployResult = traffic.failed
    ? {
        ...locked.value,
        finalStatus: 'failure',
        message: `${locked.value.message} CodeDeploy did not finish shifting traffic.`,
      }
    : locked.value;
  const baked = await bakeDeployment({
    result: shifted,
    environment,
    cloudwatch: params.cloudWatchFor?.(payload.region),
    sleep: params.sleep,
    now: params.now,
    log: params.log,
  });
  const result = baked.result;
  const report = [
    renderDeployReport(result, event.environment),
    ...traffic.lines,
    ...baked.lines,
    ...(params.logUrl ? [`- [Workflow run](${params.logUrl})`] : []),
  ];
  await params.status(result.finalStatus, result.message, result.environmentUrl);
  if (result.finalStatus === 'success') {
    const storeProblem = await storeDeployment({ ...params, payload, result });
    if (storeProblem) report.push(`- ⚠️ ${storeProblem}`);
    await comment(report.join('\n'));
    return { status: 'deployed', deploymentId: event.deploymentId, result };
  }
  // An alarm while baking always rolls back; other failures when auto_rollback asks. A rollback is
  // not itself rolled back, and a dry run changed nothing.
  const rollBack = baked.alarmed || environment?.auto_rollback === true;
  if (rollBack && payload.rollback_of === undefined && !payload.dry_run) {
    report.push(
      ...(await rollBackAfterFailure({
        client,
        event,
        payload,
        redeploy: (next) => runDeployment({ ...params, event: next }),
        log: params.log,
      })),
    );
  }
  await comment(report.join('\n'));
  return { status: 'deploy_failed', deploymentId: event.deploymentId, message: result.message, result };
}

/**
 * A deploy that changed or confirmed the stack is kept exactly, for rollbacks and audits. Keeping
 * it is a mirror: failing to write it is reported, never a failed deploy.
 */
async function storeDeployment(
  params: Parameters<typeof runDeployment>[0] & {
    payload: DeploymentPayload;
    template: string;
    result: DeployResult;
  },
): Promise<string | undefined> {
  const { deploymentStore, event, payload, result } = params;
  if (!deploymentStore || payload.dry_run) return undefined;
  const { owner, repo } = event.repository;
  try {
    await deploymentStore.save({
      repository: `${owner}/${repo}`,
      environment: event.environment,
      deploymentId: event.deploymentId,
      sha: event.sha,
      stackName: payload.stack_name,
      template: params.template,
      parameters: payload.parameters,
      outputs: result.outputs,
    });
    return undefined;
  } catch (error) {
    const message = `The deployment record was not stored: ${error instanceof Error ? error.message : String(error)}`;
    params.log(message);
    return message;
  }
}

const TRAFFIC_SHIFTING = new Set(['canary', 'linear', 'blue-green']);

/** Only an update of a stack with a traffic-shifting strategy starts CodeDeploy deployments. */
async function followTrafficIfShifted(
  params: Parameters<typeof runDeployment>[0] & {
    payload: DeploymentPayload;
    result: DeployResult;
    since: Date;
  },
): Promise<{ lines: string[]; failed: boolean }> {
  const { payload, result } = params;
  const updated =
    result.changeSetType === 'UPDATE' && (result.reason === 'deployed' || result.reason === 'failed');
  if (!params.codeDeployFor || !payload.strategy || !TRAFFIC_SHIFTING.has(payload.strategy) || !updated) {
    return { lines: [], failed: false };
  }
  return followTrafficShift({
    cfn: params.cloudFormationFor(payload.region),
    codedeploy: params.codeDeployFor(payload.region),
    stackName: payload.stack_name,
    since: params.since,
    timeoutMs: params.timeoutMs,
    sleep: params.sleep,
    now: params.now,
    log: params.log,
  });
}
