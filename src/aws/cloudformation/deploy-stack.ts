import { maskNoEchoOutputs, NO_ECHO_MARKER } from '../../core/cfn/mask-no-echo-outputs.js';
import type { NestedTemplates } from '../../core/cfn/nested-stack-secrets.js';
import { noEchoWithholding } from '../../core/cfn/no-echo-withholding.js';
import { withoutValues } from '../../core/secrets/without-values.js';
import type { Capability } from '@aws-sdk/client-cloudformation';
import { chooseEnvironmentUrl } from './choose-environment-url.js';
import type { CloudFormationApi } from './cloudformation-api.js';
import { deleteChangeSet } from './delete-change-set.js';
import type { DeployResult } from './deploy-result.js';
import { describeAwsError } from './describe-aws-error.js';
import { describeStack } from './describe-stack.js';
import { enableTerminationProtection } from './enable-termination-protection.js';
import { failedDeployResult } from './failed-deploy-result.js';
import { executeAndWait } from './execute-and-wait.js';
import { planChangeSet } from './plan-change-set.js';
import type { RollbackSettings } from './plan-change-set.js';
import type { Now, PollBackoff, Sleep } from './poll-until.js';
import { stackOutputs } from './stack-outputs.js';
import { summarizeChangeSet } from './summarize-change-set.js';
import type { ChangeSummaryRow } from './change-summary-row.js';
import type { ChangeSetSummary } from './summarize-change-set.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { redactingLog } from '../../core/secrets/redacting-log.js';
import { withholdingCloudFormation } from './withholding-cloudformation.js';

export interface DeployStackParams {
  readonly cfn: CloudFormationApi;
  readonly stackName: string;
  readonly templateBody: string;
  /** Nested templates the deploy packaged (URL → text), read to judge which nested outputs carry a secret; absent: every nested output is withheld. */
  readonly nestedTemplates?: NestedTemplates;
  /**
   * The same template uploaded to S3, for a body over CloudFormation's 51,200-byte inline limit:
   * the change set then names `TemplateURL` (up to 1 MB) instead of carrying the body.
   */
  readonly templateUrl?: string;
  readonly parameters: Readonly<Record<string, string>>;
  /**
   * Parameters deployed with the stack's current value (`UsePreviousValue`) whatever `parameters`
   * holds for them: a rollback's values the deployment store withheld (NoEcho, secrets).
   */
  readonly previousValueParameters?: readonly string[];
  /** See `stackTags`: task, repository, sha and environment. */
  readonly tags: Readonly<Record<string, string>>;
  readonly capabilities?: readonly Capability[];
  readonly rollbackConfiguration?: RollbackSettings;
  readonly recreateRolledBackStack: boolean;
  readonly terminationProtection: boolean;
  /** Unique per stack; CloudFormation refuses a second change set with the same name. */
  readonly changeSetName: string;
  readonly dryRun: boolean;
  /** For the whole deploy: computing the change set, executing it and waiting. */
  readonly timeoutMs: number;
  readonly sleep: Sleep;
  readonly now: Now;
  readonly log: (line: string) => void;
  /** Called with the summary before anything executes, to post it on the pull request. */
  readonly onChangeSet?: (summary: ChangeSetSummary) => Promise<void>;
  /**
   * Why the computed change set must not run (markdown), or undefined to run it: given every
   * resource change. A refusal deletes the change set and ends `refused`, a failure.
   */
  readonly refuseChanges?: (changes: readonly ChangeSummaryRow[]) => string | undefined;
  readonly maxSummaryRows?: number;
  readonly pollBackoff?: { readonly changeSet?: PollBackoff; readonly stack?: PollBackoff };
}

/**
 * One deploy of one stack through a change set. Every path, a thrown AWS error included, returns
 * a result with a final status: a timeout or a cancellation is a failure. Every line it logs goes
 * through the shared redaction first (`redactingLog`): the change set, stack events' status
 * reasons and AWS errors carry text the template and parameters chose; all of it is written
 * before the result returns. A `log` that already redacts (a deploy run's, the Action's) is used
 * as it is, so each line is scanned once. The values passed to NoEcho parameters, which AWS echoes
 * in validation errors and status reasons, leave every answer and error of `cfn` as it arrives
 * (`withholdingCloudFormation`), before anything quotes or escapes that text, and are replaced by
 * NO_ECHO_MARKER in every line, in the change set summary handed to `onChangeSet` and in the
 * result's text for people (message, warnings, error message, failing resource's reason, change
 * summary). The result's identifiers (stack name, change set id, statuses, logical ids) are kept
 * as they are: a short NoEcho value (`orders`) is still removed from the text, where it may stand
 * for a word of the stack's name, but never renames the stack. An output whose value refers to or
 * echoes a NoEcho parameter is returned as NO_ECHO_MARKER (`maskNoEchoOutputs`), for the comment,
 * the stores and `result` alike.
 */
export async function deployStack(params: DeployStackParams): Promise<DeployResult> {
  const redacting = redactingLog(params.log);
  // The values passed to NoEcho parameters: AWS echoes them in errors and status reasons.
  const { values: secrets, withhold } = noEchoWithholding({
    template: params.templateBody,
    parameters: params.parameters,
  });
  const withheld = <T>(value: T): T => withoutValues(value, secrets, NO_ECHO_MARKER);
  const onChangeSet = params.onChangeSet;
  try {
    const result = await deployStackRedacted({
      ...params,
      ...(secrets.length === 0 ? {} : { cfn: withholdingCloudFormation(params.cfn, withhold) }),
      log: (line) => redacting.log(withhold(line)),
      ...(onChangeSet === undefined ? {} : { onChangeSet: (summary) => onChangeSet(withheld(summary)) }),
    });
    // CloudFormation does not mask an output that echoes a NoEcho parameter: the result never carries one.
    const mask = (outputs: Readonly<Record<string, string>>) =>
      maskNoEchoOutputs({
        template: params.templateBody,
        parameters: params.parameters,
        outputs,
        ...(params.nestedTemplates === undefined ? {} : { nestedTemplates: params.nestedTemplates }),
      });
    const { environmentUrl, ...rest } = result;
    const outputs = mask(result.outputs);
    const withheldFrom =
      environmentUrl === undefined
        ? undefined
        : withheldUrlOutput({ environmentUrl, outputs: result.outputs, masked: outputs, mask });
    const shown = withheldText(rest, withhold);
    return {
      ...shown,
      outputs,
      ...(environmentUrl === undefined || withheldFrom !== undefined ? {} : { environmentUrl }),
      ...(withheldFrom === undefined
        ? {}
        : {
            warnings: [...shown.warnings, withheldFrom],
          }),
    };
  } finally {
    await redacting.flush();
  }
}

/**
 * Why the environment URL must not be shown, or `undefined` when it may: `chooseEnvironmentUrl`
 * takes the URL from an output's value, so it is withheld whenever an output carrying that value
 * is (`masked` differs from `outputs` under its name: it reads a secret attribute, refers to a
 * NoEcho parameter, or echoes one), and when the value itself holds a NoEcho parameter's value.
 * Judged by the output's name, not by a name no output has. Returns the warning for people.
 */
function withheldUrlOutput(params: {
  environmentUrl: string;
  outputs: Readonly<Record<string, string>>;
  masked: Readonly<Record<string, string>>;
  mask: (outputs: Readonly<Record<string, string>>) => Readonly<Record<string, string>>;
}): string | undefined {
  const { environmentUrl, outputs, masked } = params;
  const sources = Object.keys(outputs).filter((key) => outputs[key] === environmentUrl);
  const withheld = sources.find((key) => masked[key] !== outputs[key]);
  if (withheld !== undefined)
    return `The environment URL is not shown: it comes from the output ${untrustedInline(withheld)}, which is withheld (it reads a NoEcho parameter or a secret resource attribute).`;
  const echoed = params.mask({ environmentUrl }).environmentUrl !== environmentUrl;
  return echoed ? 'The environment URL is not shown: it holds the value of a NoEcho parameter.' : undefined;
}

/** `result` with `withhold` applied to its text for people only; identifiers and statuses kept. */
function withheldText(result: DeployResult, withhold: (text: string) => string): DeployResult {
  const { changeSummary, failingResource, error } = result;
  return {
    ...result,
    message: withhold(result.message),
    warnings: result.warnings.map(withhold),
    ...(error === undefined ? {} : { error: { name: error.name, message: withhold(error.message) } }),
    ...(failingResource === undefined
      ? {}
      : { failingResource: { ...failingResource, reason: withhold(failingResource.reason) } }),
    ...(changeSummary === undefined
      ? {}
      : {
          changeSummary: {
            ...changeSummary,
            countsLine: withhold(changeSummary.countsLine),
            markdown: withhold(changeSummary.markdown),
            fullText: withhold(changeSummary.fullText),
          },
        }),
  };
}

async function deployStackRedacted(params: DeployStackParams): Promise<DeployResult> {
  const { stackName, log } = params;
  const warnings: string[] = [];
  try {
    return await runDeploy({ ...params, warnings });
  } catch (error) {
    const described = describeAwsError(error);
    const advice = described.advice ? ` ${described.advice}` : '';
    log(`Deploy of ${stackName} stopped by an AWS error: ${described.name}: ${described.message}`);
    return {
      reason: 'failed',
      finalStatus: 'failure',
      message: `Deploy of ${untrustedInline(stackName)} failed: ${untrustedInline(described.name)}: ${untrustedInline(described.message)}.${advice}`,
      stackName,
      outputs: {},
      error: { name: described.name, message: described.message },
      warnings,
    };
  }
}

async function runDeploy(params: DeployStackParams & { warnings: string[] }): Promise<DeployResult> {
  const { cfn, stackName, now, log, warnings } = params;
  const deadline = now() + params.timeoutMs;
  const failure = (reason: DeployResult['reason'], message: string): DeployResult => ({
    reason,
    finalStatus: 'failure',
    message,
    stackName,
    outputs: {},
    warnings,
  });

  // 1. Compute the change set.
  const plan = await planChangeSet({
    ...params,
    ...(params.pollBackoff?.changeSet ? { backoff: params.pollBackoff.changeSet } : {}),
  });
  if (plan.kind === 'blocked') return { ...failure('blocked', plan.reason), stackStatus: plan.stackStatus };
  if (plan.kind === 'timed-out') return failure('timed-out', plan.reason);
  if (plan.kind === 'failed') {
    // A rejected change set stays for inspection, except on a dry run, which leaves nothing behind.
    if (params.dryRun) await discardChangeSet({ cfn, plan, log });
    return { ...failure('failed', plan.reason), changeSetId: plan.changeSetId };
  }
  if (plan.kind === 'empty') return noChanges({ ...params, reason: plan.reason });

  // 2. Report it before anything runs.
  const changeSummary = summarizeChangeSet({
    rows: plan.changes,
    ...(params.maxSummaryRows === undefined ? {} : { maxRows: params.maxSummaryRows }),
  });
  log(changeSummary.fullText);
  await reportChangeSet({ ...params, changeSummary });
  const planned = { changeSetId: plan.changeSetId, changeSetType: plan.changeSetType, changeSummary };

  // 3. What the caller will not run stops here and leaves nothing behind, as a dry run does.
  const refusal = params.refuseChanges?.(plan.changes);
  if (refusal !== undefined) {
    log(refusal);
    await discardChangeSet({ cfn, plan, log });
    return { ...failure('refused', refusal), ...planned };
  }

  // A dry run stops here and leaves nothing behind.
  if (params.dryRun) {
    await discardChangeSet({ cfn, plan, log });
    return {
      reason: 'dry-run',
      finalStatus: 'success',
      message: `Dry run for ${untrustedInline(stackName)}: ${changeSummary.countsLine}. The change set was deleted without running.`,
      stackName,
      outputs: {},
      warnings,
      ...planned,
    };
  }

  // 4. Execute and wait with what is left of the deadline.
  const remainingMs = deadline - now();
  if (remainingMs <= 0) {
    return {
      ...failure(
        'timed-out',
        `Deploy of ${untrustedInline(stackName)} timed out before change set ${untrustedInline(plan.changeSetId)} could run.`,
      ),
      ...planned,
    };
  }
  const outcome = await executeAndWait({
    ...params,
    changeSetId: plan.changeSetId,
    timeoutMs: remainingMs,
    ...(params.pollBackoff?.stack ? { backoff: params.pollBackoff.stack } : {}),
  });
  if (outcome.kind !== 'succeeded') {
    return {
      ...failedDeployResult({ stackName, outcome, timeoutMs: params.timeoutMs, warnings }),
      ...planned,
    };
  }

  // 5. Protect the environment once it exists.
  await protectIfAsked(params);
  return {
    reason: 'deployed',
    finalStatus: 'success',
    message: `Deployed ${untrustedInline(stackName)} (${changeSummary.countsLine}); the stack is ${outcome.stackStatus}.`,
    stackName,
    stackStatus: outcome.stackStatus,
    outputs: outcome.outputs,
    ...(outcome.environmentUrl ? { environmentUrl: outcome.environmentUrl } : {}),
    warnings,
    ...planned,
  };
}

async function noChanges(
  params: DeployStackParams & { warnings: string[]; reason: string },
): Promise<DeployResult> {
  const { cfn, stackName, warnings } = params;
  // The environment URL still belongs on the deployment when nothing changed.
  const stack = await describeStack({ cfn, stack: stackName });
  const outputs = stack === undefined ? {} : stackOutputs(stack);
  const environmentUrl = await chooseEnvironmentUrl(outputs);
  if (!params.dryRun) await protectIfAsked(params);
  return {
    reason: 'no-changes',
    finalStatus: 'success',
    message: `No changes to deploy: ${untrustedInline(stackName)} already runs this template and these parameters.`,
    stackName,
    ...(stack?.StackStatus === undefined ? {} : { stackStatus: stack.StackStatus }),
    outputs,
    ...(environmentUrl ? { environmentUrl } : {}),
    warnings,
  };
}

/** Posting the summary is for people; a failure to post is a warning, not a reason to stop the deploy. */
async function reportChangeSet(
  params: DeployStackParams & { warnings: string[]; changeSummary: ChangeSetSummary },
): Promise<void> {
  if (params.onChangeSet === undefined) return;
  try {
    await params.onChangeSet(params.changeSummary);
  } catch (error) {
    const reason = describeAwsError(error).message;
    params.log(`Could not post the change set summary: ${reason}`);
    const warning = `Could not post the change set summary: ${untrustedInline(reason)}`;
    params.warnings.push(warning);
  }
}

/** The deploy itself succeeded; a protection failure is reported without undoing that. */
async function protectIfAsked(params: DeployStackParams & { warnings: string[] }): Promise<void> {
  if (!params.terminationProtection) return;
  try {
    await enableTerminationProtection(params);
    params.log(`Termination protection is on for ${params.stackName}`);
  } catch (error) {
    const { name, message, advice } = describeAwsError(error);
    params.log(`Termination protection could not be turned on for ${params.stackName}: ${name}: ${message}`);
    const warning = `Termination protection could not be turned on for ${untrustedInline(params.stackName)}: ${untrustedInline(name)}: ${untrustedInline(message)}${advice ? ` ${advice}` : ''}`;
    params.warnings.push(warning);
  }
}

function discardChangeSet(params: {
  cfn: CloudFormationApi;
  plan: { changeSetId: string; stackId: string; changeSetType: 'CREATE' | 'UPDATE' };
  log: (line: string) => void;
}): Promise<void> {
  const { cfn, plan, log } = params;
  return deleteChangeSet({
    cfn,
    changeSetId: plan.changeSetId,
    stackId: plan.stackId,
    removeStackShell: plan.changeSetType === 'CREATE',
    log,
  });
}
