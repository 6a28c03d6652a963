import { CreateChangeSetCommand, DeleteChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type { Capability, CreateChangeSetCommandInput, Stack } from '@aws-sdk/client-cloudformation';
import { toChangeSummaryRows } from './change-summary-row.js';
import type { ChangeSummaryRow } from './change-summary-row.js';
import type { CloudFormationApi } from './cloudformation-api.js';
import { lastLookNote } from '../describe-transient-error.js';
import { deleteStackAndWait } from './delete-stack-and-wait.js';
import { describeStack } from './describe-stack.js';
import { explainBlockedStack } from './explain-blocked-stack.js';
import type { Now, PollBackoff, Sleep } from './poll-until.js';
import { readChangeSetChanges } from './read-change-set-changes.js';
import { classifyStackStatus } from './stack-state.js';
import { waitForChangeSet } from './wait-for-change-set.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';

export interface RollbackSettings {
  /** CloudWatch alarms that roll the stack back when they go into ALARM during or after the change. */
  readonly alarmArns: readonly string[];
  /** How long after the change CloudFormation keeps watching the alarms (0–180 minutes). */
  readonly monitoringMinutes: number;
}

/** What computing the change set found. Every `reason` is one line of markdown, AWS's text escaped where inserted. */
export type ChangeSetPlan =
  | {
      readonly kind: 'changes';
      readonly changeSetId: string;
      readonly stackId: string;
      readonly changeSetType: 'CREATE' | 'UPDATE';
      readonly changes: readonly ChangeSummaryRow[];
    }
  /** Nothing differs from what runs; the change set was deleted. */
  | { readonly kind: 'empty'; readonly reason: string }
  /** The stack's state allows no change set; `reason` says what to do. */
  | { readonly kind: 'blocked'; readonly reason: string; readonly stackStatus: string }
  /** CloudFormation rejected the change set (bad template, missing capability, ...). */
  | {
      readonly kind: 'failed';
      readonly reason: string;
      readonly changeSetId: string;
      readonly stackId: string;
      readonly changeSetType: 'CREATE' | 'UPDATE';
    }
  | { readonly kind: 'timed-out'; readonly reason: string };

/** The two FAILED StatusReason texts CloudFormation gives a change set with nothing to change. */
const NO_CHANGES = [/didn't contain changes/i, /No updates are to be performed/i];

const DEFAULT_BACKOFF: PollBackoff = { initialDelayMs: 2_000, maxDelayMs: 10_000 };

/**
 * Creates the change set that would bring the stack to `templateBody`, and waits until
 * CloudFormation has computed it. Nothing here executes; a dry run never deletes a stack.
 */
export async function planChangeSet(params: {
  cfn: CloudFormationApi;
  stackName: string;
  templateBody: string;
  /** Where CloudFormation reads the template instead (`TemplateURL`, up to 1 MB), when it was uploaded. */
  templateUrl?: string;
  parameters: Readonly<Record<string, string>>;
  /** Deployed with the stack's current value (`UsePreviousValue`), whatever `parameters` holds. */
  previousValueParameters?: readonly string[];
  tags: Readonly<Record<string, string>>;
  capabilities?: readonly Capability[];
  rollbackConfiguration?: RollbackSettings;
  recreateRolledBackStack: boolean;
  dryRun?: boolean;
  changeSetName: string;
  sleep: Sleep;
  now: Now;
  timeoutMs: number;
  backoff?: PollBackoff;
  log: (line: string) => void;
}): Promise<ChangeSetPlan> {
  const { cfn, stackName, sleep, now, log, backoff = DEFAULT_BACKOFF } = params;
  const deadline = now() + params.timeoutMs;

  const stack = await describeStack({ cfn, stack: stackName });
  const start = await chooseChangeSetType({ ...params, stack, deadline, backoff });
  if (start.kind !== 'ready') return start;

  log(`Creating ${start.changeSetType} change set ${params.changeSetName} for stack ${stackName}`);
  const created = await cfn.send(
    new CreateChangeSetCommand(changeSetInput({ ...params, changeSetType: start.changeSetType })),
  );
  const changeSetId = created.Id ?? params.changeSetName;
  const computed = await waitForChangeSet({ cfn, changeSetId, deadline, backoff, sleep, now, log });
  if (!computed.done) {
    return {
      kind: 'timed-out',
      reason: `Change set ${untrustedInline(changeSetId)} was still being computed when the deploy timed out${lastLookNote(computed.lastError)}.`,
    };
  }

  const page = computed.value;
  if (page.Status === 'FAILED') {
    const statusReason = page.StatusReason ?? 'no reason given';
    if (NO_CHANGES.some((pattern) => pattern.test(statusReason))) {
      await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId }));
      log(`No changes: ${statusReason} The empty change set was deleted.`);
      return { kind: 'empty', reason: statusReason };
    }
    return {
      kind: 'failed',
      reason: `Change set ${untrustedInline(changeSetId)} failed: ${untrustedInline(statusReason)}`,
      changeSetId,
      stackId: created.StackId ?? page.StackId ?? stackName,
      changeSetType: start.changeSetType,
    };
  }

  const changes = toChangeSummaryRows(await readChangeSetChanges({ cfn, changeSetId, firstPage: page }));
  log(`Change set ${changeSetId} is ready with ${changes.length} resource change(s)`);
  return {
    kind: 'changes',
    changeSetId,
    stackId: created.StackId ?? page.StackId ?? stackName,
    changeSetType: start.changeSetType,
    changes,
  };
}

type ChangeSetStart =
  | { readonly kind: 'ready'; readonly changeSetType: 'CREATE' | 'UPDATE' }
  | Extract<ChangeSetPlan, { kind: 'blocked' | 'timed-out' }>;

async function chooseChangeSetType(params: {
  cfn: CloudFormationApi;
  stackName: string;
  stack: Stack | undefined;
  recreateRolledBackStack: boolean;
  dryRun?: boolean;
  deadline: number;
  backoff: PollBackoff;
  sleep: Sleep;
  now: Now;
  log: (line: string) => void;
}): Promise<ChangeSetStart> {
  const { stack, stackName, recreateRolledBackStack, dryRun = false } = params;
  const status = stack?.StackStatus;
  const state = classifyStackStatus(status);
  if (state === 'does-not-exist' || state === 'in-review') return { kind: 'ready', changeSetType: 'CREATE' };
  if (state === 'succeeded' || state === 'failed') return { kind: 'ready', changeSetType: 'UPDATE' };

  const stackStatus = status ?? 'UNKNOWN';
  const blocked = (): ChangeSetStart => ({
    kind: 'blocked',
    stackStatus,
    reason: explainBlockedStack({
      stackName,
      state,
      status: stackStatus,
      ...(stack?.StackStatusReason === undefined ? {} : { statusReason: stack.StackStatusReason }),
      recreateAllowed: recreateRolledBackStack,
      dryRun,
    }),
  });
  if (state !== 'needs-recreate' || !recreateRolledBackStack || dryRun) return blocked();

  params.log(`Stack ${stackName} is ROLLBACK_COMPLETE; deleting it so it can be created again`);
  const deletion = await deleteStackAndWait({ ...params, stackId: stack?.StackId ?? stackName });
  if (deletion.kind === 'deleted') return { kind: 'ready', changeSetType: 'CREATE' };
  if (deletion.kind === 'timed-out') return deletion;
  return { kind: 'blocked', stackStatus: 'DELETE_FAILED', reason: deletion.reason };
}

function changeSetInput(params: {
  stackName: string;
  templateBody: string;
  templateUrl?: string;
  parameters: Readonly<Record<string, string>>;
  previousValueParameters?: readonly string[];
  tags: Readonly<Record<string, string>>;
  capabilities?: readonly Capability[];
  rollbackConfiguration?: RollbackSettings;
  changeSetName: string;
  changeSetType: 'CREATE' | 'UPDATE';
}): CreateChangeSetCommandInput {
  const { rollbackConfiguration } = params;
  return {
    StackName: params.stackName,
    ChangeSetName: params.changeSetName,
    ChangeSetType: params.changeSetType,
    ...(params.templateUrl === undefined
      ? { TemplateBody: params.templateBody }
      : { TemplateURL: params.templateUrl }),
    Parameters: Object.entries(params.parameters).map(([ParameterKey, ParameterValue]) =>
      params.previousValueParameters?.includes(ParameterKey) === true
        ? { ParameterKey, UsePreviousValue: true }
        : { ParameterKey, ParameterValue },
    ),
    Tags: Object.entries(params.tags).map(([Key, Value]) => ({ Key, Value })),
    ...(params.capabilities === undefined ? {} : { Capabilities: [...params.capabilities] }),
    ...(rollbackConfiguration === undefined
      ? {}
      : {
          RollbackConfiguration: {
            RollbackTriggers: rollbackConfiguration.alarmArns.map((Arn) => ({
              Arn,
              Type: 'AWS::CloudWatch::Alarm',
            })),
            MonitoringTimeInMinutes: rollbackConfiguration.monitoringMinutes,
          },
        }),
  };
}
