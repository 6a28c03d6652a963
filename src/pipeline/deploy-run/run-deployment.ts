import type { NestedTemplates } from '../../core/cfn/nested-stack-secrets.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { redactingLog } from '../../core/secrets/redacting-log.js';
import { findEnvironment } from '../../core/config/find-environment.js';
import type { DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { DeploymentStore } from '../../core/stores/deployment-store.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { plainText } from '../../core/markdown/plain-text.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { isDryRun } from '../../core/deploy/is-dry-run.js';
import type { CloudFormationApi } from '../../aws/cloudformation/cloudformation-api.js';
import { withholdingCloudFormation } from '../../aws/cloudformation/withholding-cloudformation.js';
import { noEchoWithholding } from '../../core/cfn/no-echo-withholding.js';
import type { DeployResult } from '../../aws/cloudformation/deploy-result.js';
import { changeSetNameFor } from '../../aws/cloudformation/change-set-name.js';
import { deployStack } from '../../aws/cloudformation/deploy-stack.js';
import type { DeployLockStore } from '../../core/stores/deploy-lock-store.js';
import { describeLockHolder } from '../../aws/dynamodb/describe-lock-holder.js';
import { withDeployLock } from '../../aws/dynamodb/with-deploy-lock.js';
import type { Now, Sleep } from '../../aws/cloudformation/poll-until.js';
import { stackTags } from '../../aws/cloudformation/stack-tags.js';
import type { CodeDeployApi } from '../../aws/codedeploy/codedeploy-api.js';
import type { CloudWatchApi } from '../../aws/cloudwatch/watch-alarms.js';
import { postComment } from '../../github/post-comment.js';
import { setDeploymentStatus } from '../../github/set-deployment-status.js';
import type { DeployEvent } from './deploy-event.js';
import { bakeDeployment } from './bake-deployment.js';
import { rollBackAfterFailure } from './roll-back-after-failure.js';
import { checkDeployment } from './check-deployment.js';
import type { DeployRunClient } from './deploy-run-client.js';
import { renderDeployReport } from './render-deploy-report.js';
import { endDeploymentOnCrash } from './end-deployment-on-crash.js';
import { followTrafficIfShifted } from './follow-traffic-if-shifted.js';
import type { PackagedParameters } from './package-function-code.js';
import { stepAfterStack } from './step-after-stack.js';
import { storeDeployment } from './store-deployment.js';
import { recordDeployStep, type DeployTaskRecording } from './record-deploy-step.js';
import { templateSource } from './template-source.js';
import { packageNestedTemplates, type NestedTemplateSources } from './package-nested-templates.js';
import type { CodeRequest, CodeUpload } from './upload-repository-code.js';
import { readLargeRepositoryFile } from '../../github/read-large-repository-file.js';
import { TEMPLATE_URL_LIMIT_BYTES } from '../../core/gates/check-template.js';
import type { PollBackoff } from '../../aws/cloudformation/poll-until.js';
import type { DeploymentAuthority } from '../../core/deploy/is-agent-deployment.js';
import { automatedChangeRefusal } from '../../core/deploy/automated-change-refusal.js';
import type { OutcomeReasonCode } from '../../core/outcome/outcome-reason-code.js';

export type { DeployRunClient } from './deploy-run-client.js';

export type DeploymentOutcome =
  | { readonly status: 'deployed'; readonly deploymentId: number; readonly result: DeployResult }
  | {
      readonly status: 'deploy_failed';
      readonly deploymentId: number;
      readonly message: string;
      readonly result?: DeployResult;
      /** Set when the refusal has a code of its own (`deploy_locked`); else `reasonCodeOf` infers one. */
      readonly reasonCode?: OutcomeReasonCode;
    };

/** Every capability a generated template may need; CloudFormation refuses IAM resources without them. */
const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

/**
 * Carries out one GitHub deployment: 1. mark it in progress; 2. check the payload and that the sha is
 * still the one checked; 3. read the template at that sha, upload the nested templates it takes from
 * files of the repository (`packageNestedTemplates`) and package its code; 4. deploy the stack
 * through a change set; 5. follow the traffic shift and bake, store the record; 6. end with success or failure on the
 * deployment and a report on the PR. Once CloudFormation has finished, a failing later step is a
 * warning on the real outcome, never the outcome; a crash before that still ends the deployment
 * with a final status (`error`), and nothing overwrites a final status once set. Every line it
 * logs goes through the shared redaction (`redactingLog`: change sets, stack events, CodeDeploy
 * and packaging lines carry text the template and parameters chose), all written before it returns;
 * a `log` that already redacts (the Action's reporter) is used as it is, so each line is scanned once.
 */
export async function runDeployment(
  params: Parameters<typeof runDeploymentRedacted>[0],
): Promise<DeploymentOutcome> {
  const redacting = redactingLog(params.log);
  try {
    return await runDeploymentRedacted({ ...params, log: redacting.log });
  } finally {
    await redacting.flush();
  }
}

async function runDeploymentRedacted(params: {
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
  /** Where the task's per-environment deploy state is kept: the task mirror tables and the status comment. */
  recording?: DeployTaskRecording;
  /** Backoff between CloudFormation polls (the `poll-interval-ms` input); absent: the waiters' own. */
  pollBackoff?: PollBackoff;
  /** Completes the parameters before the change set (the Lambda code's location, once packaged), or refuses. */
  prepareParameters?: (input: {
    event: DeployEvent;
    payload: DeploymentPayload;
    template: string;
  }) => Promise<PackagedParameters>;
  /**
   * Uploads Lambda code and the other artifacts the templates take from files of the repository
   * (a local `Code`/`CodeUri`, a layer's `Content`/`ContentUri`, a definition: `localArtifacts`; a
   * nested template's `CodeS3Key`: `packageNestedTemplates`); absent, such a template is refused.
   */
  packageCode?: (input: {
    event: DeployEvent;
    payload: DeploymentPayload;
    request: CodeRequest;
  }) => Promise<CodeUpload>;
  /**
   * Who counts as the agent: the automatic rollback is signed with its keys and returns only to a
   * deployment it counts (`isAgentDeployment`). Absent: unsigned, and any deployment counts.
   */
  authority?: DeploymentAuthority;
  /** Set when the payload could not be verified (no key): shown on the status and in the report. */
  unsignedWarning?: string;
  /**
   * Whether this deployment's end records the run's outcome as its task's last outcome (default
   * true). False for the automatic rollback a failed run makes: the run's outcome is the failed
   * deployment's, which the Action's `result` output reports, so the record keeps that one.
   */
  recordsOutcome?: boolean;
  logUrl?: string;
  sleep: Sleep;
  now: Now;
  log: (line: string) => void;
}): Promise<DeploymentOutcome> {
  const { client, event } = params;
  const { owner, repo } = event.repository;
  let settled = false;
  const status = async (
    state: 'in_progress' | 'success' | 'failure',
    description: string,
    environmentUrl?: string,
  ) => {
    await setDeploymentStatus({
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
    if (state !== 'in_progress') settled = true;
  };
  const guard = {
    client,
    event,
    ...(params.logUrl === undefined ? {} : { logUrl: params.logUrl }),
    isSettled: () => settled,
  };
  return endDeploymentOnCrash(guard, async () => {
    await status(
      'in_progress',
      `Deploying ${event.sha.slice(0, 7)} to ${event.environment}` +
        (params.unsignedWarning === undefined
          ? ''
          : ' ⚠️ unsigned payload, only its creator was checked: set marker-secret'),
    );
    const checked = await checkDeployment(params);
    if ('refusal' in checked) {
      await status('failure', checked.refusal);
      return refuseDeployment({ ...params, payload: checked.payload, message: checked.refusal });
    }
    const packaged = await packageNestedTemplates({
      template: checked.template,
      templatePath: checked.payload.template_path,
      sources: nestedTemplateSources({ ...params, payload: checked.payload }),
      log: params.log,
    });
    if ('refusal' in packaged) {
      await status('failure', packaged.refusal);
      return refuseDeployment({ ...params, payload: checked.payload, message: packaged.refusal });
    }
    const prepared = params.prepareParameters
      ? await params.prepareParameters({ event, payload: checked.payload, template: packaged.template })
      : { parameters: checked.payload.parameters };
    if ('refusal' in prepared) {
      await status('failure', prepared.refusal);
      return refuseDeployment({ ...params, payload: checked.payload, message: prepared.refusal });
    }
    const payload = { ...checked.payload, parameters: prepared.parameters };
    return deployChecked({
      ...params,
      payload,
      template: packaged.template,
      nestedTemplates: packaged.nestedTemplates,
      previousValueParameters: checked.previousValueParameters ?? [],
      status,
    });
  });
}

async function deployChecked(
  params: Parameters<typeof runDeployment>[0] & {
    payload: DeploymentPayload;
    template: string;
    /** The nested templates packaged with it (URL → text): which nested outputs carry a secret. */
    nestedTemplates?: NestedTemplates;
    /** Parameters deployed with the stack's previous value (`checkDeployment`'s stored rollback). */
    previousValueParameters: readonly string[];
    status: (state: 'success' | 'failure', description: string, environmentUrl?: string) => Promise<void>;
  },
): Promise<DeploymentOutcome> {
  const { client, event, payload, config, log } = params;
  const { owner, repo } = event.repository;
  const environment = findEnvironment(config.environments, event.environment)?.config;
  const comment = async (body: string) => {
    if (payload.pull_number !== undefined)
      await postComment({ client, owner, repo, issueNumber: payload.pull_number, body });
  };
  const since = new Date(params.now());
  // Warnings from keeping the task's deploy state: never the outcome, always in the report.
  const recordWarnings: string[] = [];
  const record = async (step: Parameters<typeof recordDeployStep>[0]['step']) => {
    if (params.recording === undefined) return;
    recordWarnings.push(
      ...(await recordDeployStep({
        recording: params.recording,
        client,
        event,
        payload,
        step,
        now: params.now,
        log,
      })),
    );
  };
  const deploy = async (): Promise<DeployResult> => {
    await record({ kind: 'started' });
    const source = await templateSource({ ...params, template: params.template });
    if ('refusal' in source) {
      log(source.refusal);
      return {
        reason: 'failed',
        finalStatus: 'failure',
        message: source.refusal,
        stackName: payload.stack_name,
        outputs: {},
        warnings: [],
      };
    }
    return deployStack({
      cfn: params.cloudFormationFor(payload.region),
      stackName: payload.stack_name,
      templateBody: params.template,
      ...(params.nestedTemplates === undefined ? {} : { nestedTemplates: params.nestedTemplates }),
      ...source,
      ...(params.pollBackoff === undefined
        ? {}
        : { pollBackoff: { changeSet: params.pollBackoff, stack: params.pollBackoff } }),
      parameters: payload.parameters,
      ...(params.previousValueParameters.length === 0
        ? {}
        : { previousValueParameters: params.previousValueParameters }),
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
      changeSetName: changeSetNameFor(event.deploymentId),
      dryRun: payload.dry_run,
      timeoutMs: params.timeoutMs,
      sleep: params.sleep,
      now: params.now,
      log,
      // Automated mode's deploy on merge asks nobody: deletions and replacements wait for a person
      // (`automatedChangeRefusal`). A rollback — `/rollback`, or the automatic one after a failure or
      // a bake alarm, which asks nobody either — carries the payload it returns to (`merge_of` too)
      // and runs whatever its change set removes or replaces: it restores the exact template and
      // parameters of a deployment that already ran on the environment and passed the deploy rules
      // then, so what it removes is what the failed change added, and DESIGN §4 (automated: "automatic
      // rollback on failure") and §7 (a failed deploy rolls back automatically; a failed stack is
      // "not a dead end") want it done without a person; `auto_rollback` is each environment's opt-in.
      ...(payload.merge_of === undefined || payload.rollback_to !== undefined
        ? {}
        : {
            refuseChanges: (changes) => automatedChangeRefusal({ changes, environment: event.environment }),
          }),
      onChangeSet: (summary) =>
        comment(
          `#### Change set for ${codeSpan(payload.stack_name)} (${event.environment})\n\n${summary.markdown}`,
        ),
    });
  };
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
    return refuseDeployment({ ...params, message, reasonCode: 'deploy_locked' });
  }

  // CloudFormation has finished: from here on, what it did is the outcome, and a step that cannot
  // run (a missing permission, a throttled API) adds a warning to it instead of replacing it.
  const warnings: string[] = [
    ...(params.unsignedWarning === undefined ? [] : [params.unsignedWarning]),
    ...('releaseProblem' in locked && locked.releaseProblem ? [locked.releaseProblem] : []),
  ];
  // What follows reads AWS text as well (stack resources, CodeDeploy and alarm reasons, errors):
  // it passes the deploy's own NoEcho withholding (`noEchoWithholding`) before any line is shown.
  const { withhold } = noEchoWithholding({ template: params.template, parameters: payload.parameters });
  const withheldLog = (line: string) => log(withhold(line));
  const traffic = await stepAfterStack(
    {
      what: 'Following the CodeDeploy traffic shift',
      fallback: { lines: [], failed: false },
      log: withheldLog,
    },
    () =>
      followTrafficIfShifted({
        ...params,
        cloudFormationFor: (region) => withholdingCloudFormation(params.cloudFormationFor(region), withhold),
        log: withheldLog,
        payload,
        result: locked.value,
        since,
      }),
  );
  if (traffic.warning) warnings.push(withhold(traffic.warning));
  const shifted: DeployResult = traffic.value.failed
    ? {
        ...locked.value,
        finalStatus: 'failure',
        message: `${locked.value.message} CodeDeploy did not finish shifting traffic.`,
      }
    : locked.value;
  const baked = await stepAfterStack(
    {
      what: 'Watching the alarms during the bake window',
      fallback: { result: shifted, lines: [], alarmed: false },
      log: withheldLog,
    },
    () =>
      bakeDeployment({
        result: shifted,
        environment,
        cloudwatch: params.cloudWatchFor?.(payload.region),
        sleep: params.sleep,
        now: params.now,
        log: withheldLog,
      }),
  );
  if (baked.warning) warnings.push(withhold(baked.warning));
  const result: DeployResult = {
    ...baked.value.result,
    // The bake's alarm names join the message: withheld like every other AWS text.
    message: withhold(baked.value.result.message),
    warnings: [...baked.value.result.warnings, ...warnings],
  };
  // The record first: whatever happens to the report, a rollback can find what runs.
  const stored =
    result.finalStatus === 'success' ? await storeDeployment({ ...params, payload, result }) : {};
  // The message is markdown; GitHub shows a status description unrendered.
  await params.status(result.finalStatus, plainText(result.message), result.environmentUrl);
  // The run's outcome, the `result` output's status and reason code, is the task's last outcome too.
  const ended: DeploymentOutcome =
    result.finalStatus === 'success'
      ? { status: 'deployed', deploymentId: event.deploymentId, result }
      : { status: 'deploy_failed', deploymentId: event.deploymentId, message: result.message, result };
  await record({
    kind: 'finished',
    succeeded: result.finalStatus === 'success',
    ...(params.recordsOutcome === false ? {} : { outcome: ended }),
    ...(result.environmentUrl === undefined ? {} : { environmentUrl: result.environmentUrl }),
    ...(stored.unsent === undefined ? {} : { unsentRecord: stored.unsent }),
  });

  const report = [
    renderDeployReport(result, event.environment),
    ...traffic.value.lines.map(withhold),
    ...baked.value.lines.map(withhold),
    ...(stored.problem ? [`- ⚠️ ${stored.problem}`] : []),
    ...recordWarnings.map((warning) => `- ⚠️ ${untrustedInline(warning)}`),
    ...(params.logUrl ? [`- [Workflow run](${params.logUrl})`] : []),
  ];
  // An alarm while baking always rolls back; other failures when auto_rollback asks. A rollback is
  // not itself rolled back, and a dry run or a refused change set changed nothing.
  const rollBack = baked.value.alarmed || environment?.auto_rollback === true;
  const changedNothing = payload.dry_run || result.reason === 'refused';
  if (result.finalStatus === 'failure' && rollBack && payload.rollback_of === undefined && !changedNothing) {
    const rolledBack = await stepAfterStack(
      { what: 'The automatic rollback', fallback: [], log: withheldLog },
      () =>
        rollBackAfterFailure({
          client,
          event,
          payload,
          ...(params.authority === undefined ? {} : { authority: params.authority }),
          redeploy: (next) => runDeployment({ ...params, event: next, recordsOutcome: false }),
          log,
        }),
    );
    report.push(
      ...rolledBack.value.map(withhold),
      ...(rolledBack.warning ? [`- ↩️ ⚠️ ${withhold(rolledBack.warning)}`] : []),
    );
  }
  const posted = await stepAfterStack({ what: 'Posting the deploy report', fallback: undefined, log }, () =>
    comment(report.join('\n')),
  );
  const outcomeResult = posted.warning
    ? { ...result, warnings: [...result.warnings, posted.warning] }
    : result;
  return { ...ended, result: outcomeResult };
}

/**
 * Where a deploy's nested templates come from: the repository at the deployed sha (as the template
 * itself, `checkDeployment`), and the deployments bucket they are uploaded to, when there is one;
 * and who uploads the Lambda code they take from the repository, when the run can.
 */
function nestedTemplateSources(params: {
  client: DeployRunClient;
  event: DeployEvent;
  payload: DeploymentPayload;
  deploymentStore?: DeploymentStore;
  packageCode?: Parameters<typeof runDeployment>[0]['packageCode'];
}): NestedTemplateSources {
  const { client, event, payload, deploymentStore, packageCode } = params;
  const { owner, repo } = event.repository;
  const stage = deploymentStore?.stageNestedTemplate?.bind(deploymentStore);
  return {
    // CloudFormation reads no larger template from S3, so no more is read (the packager says why).
    readFile: (path) =>
      readLargeRepositoryFile({
        client,
        owner,
        repo,
        path,
        ref: event.sha,
        maxBytes: TEMPLATE_URL_LIMIT_BYTES,
      }),
    stage:
      stage === undefined ? undefined : (template) => stage({ repository: `${owner}/${repo}`, template }),
    packageCode:
      packageCode === undefined ? undefined : (request) => packageCode({ event, payload, request }),
  };
}

/**
 * The outcome of a deployment refused before any stack operation, recorded (with a payload that
 * names a task) as that task's last outcome, so its status comment, the mirrors and the Action's
 * `result` agree; the deploy state does not move. What could not be recorded goes to the log.
 */
async function refuseDeployment(
  params: Parameters<typeof runDeployment>[0] & {
    payload: DeploymentPayload | undefined;
    message: string;
    reasonCode?: OutcomeReasonCode;
  },
): Promise<DeploymentOutcome> {
  const { event, payload, recording, log } = params;
  const outcome: DeploymentOutcome = {
    status: 'deploy_failed',
    deploymentId: event.deploymentId,
    message: params.message,
    ...(params.reasonCode === undefined ? {} : { reasonCode: params.reasonCode }),
  };
  // The automatic rollback's outcome is not the task's: the failed deployment's is (`recordsOutcome`).
  if (payload === undefined || recording === undefined || params.recordsOutcome === false) return outcome;
  const warnings = await recordDeployStep({
    recording,
    client: params.client,
    event,
    payload,
    step: { kind: 'refused', outcome },
    now: params.now,
    log,
  });
  for (const warning of warnings) log(`::warning::${warning}`);
  return outcome;
}
