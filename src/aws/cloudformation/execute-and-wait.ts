import { ExecuteChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type { Stack, StackEvent } from '@aws-sdk/client-cloudformation';
import { chooseEnvironmentUrl } from './choose-environment-url.js';
import type { CloudFormationApi } from './cloudformation-api.js';
import type { FailingResource } from './deploy-result.js';
import { describeStack } from './describe-stack.js';
import { findFailingResource } from './find-failing-resource.js';
import { describeTransientError } from '../describe-transient-error.js';
import { pollUntil } from './poll-until.js';
import type { Now, PollBackoff, Sleep } from './poll-until.js';
import { classifyStackStatus } from './stack-state.js';
import { stackOutputs } from './stack-outputs.js';
import { openStackEventStream } from './stack-event-stream.js';

export type StackOperationOutcome =
  | {
      readonly kind: 'succeeded';
      readonly stackStatus: string;
      readonly outputs: Readonly<Record<string, string>>;
      readonly environmentUrl?: string;
    }
  | {
      readonly kind: 'failed' | 'cancelled';
      readonly stackStatus: string;
      readonly statusReason?: string;
      readonly failingResource?: FailingResource;
    }
  /** The deadline passed with the stack still moving; CloudFormation carries on without us. */
  | { readonly kind: 'timed-out'; readonly stackStatus: string };

/** Capped at 5 s so a finished stack is reported within a few seconds of CloudFormation (DESIGN §13). */
const DEFAULT_BACKOFF: PollBackoff = { initialDelayMs: 2_000, maxDelayMs: 5_000 };

/**
 * Executes a computed change set and watches the stack until it settles or the deadline passes,
 * logging each new stack event once, oldest first.
 */
export async function executeAndWait(params: {
  cfn: CloudFormationApi;
  stackName: string;
  changeSetId: string;
  sleep: Sleep;
  now: Now;
  timeoutMs: number;
  backoff?: PollBackoff;
  log: (line: string) => void;
}): Promise<StackOperationOutcome> {
  const { cfn, stackName, changeSetId, sleep, now, log, backoff = DEFAULT_BACKOFF } = params;
  const deadline = now() + params.timeoutMs;
  // Opened before executing, so everything the execution emits counts as new.
  const stream = await openStackEventStream({ cfn, stackName, log });
  await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: changeSetId }));
  log(`Executing change set ${changeSetId}`);

  let lastStatus = 'UNKNOWN';
  const settled = await pollUntil({
    deadline,
    backoff,
    sleep,
    now,
    onTransientError: (error) => log(describeTransientError(error)),
    check: async () => {
      const stack = await describeStack({ cfn, stack: stackName });
      if (stack === undefined) return { stack, status: 'DELETE_COMPLETE' };
      lastStatus = stack.StackStatus ?? lastStatus;
      // Events after the status, so the events that led to a terminal status are all in.
      await stream.readNew();
      const state = classifyStackStatus(stack.StackStatus);
      if (state === 'in-progress' || state === 'in-review') return undefined;
      // Right after ExecuteChangeSet the stack may still show the previous operation's terminal
      // status; only the stack's own event with this status proves this operation reached it.
      if (!reachedInThisOperation({ events: stream.events(), stackName, status: lastStatus }))
        return undefined;
      return { stack, status: lastStatus };
    },
  });

  if (!settled.done) return { kind: 'timed-out', stackStatus: lastStatus };
  return await outcomeOf({ ...settled.value, events: stream.events(), stackName });
}

function reachedInThisOperation(params: {
  events: readonly StackEvent[];
  stackName: string;
  status: string;
}): boolean {
  return params.events.some(
    (event) => event.LogicalResourceId === params.stackName && event.ResourceStatus === params.status,
  );
}

async function outcomeOf(params: {
  stack: Stack | undefined;
  status: string;
  events: readonly StackEvent[];
  stackName: string;
}): Promise<StackOperationOutcome> {
  const { stack, status, events, stackName } = params;
  if (stack !== undefined && classifyStackStatus(status) === 'succeeded') {
    const outputs = stackOutputs(stack);
    const environmentUrl = await chooseEnvironmentUrl(outputs);
    return { kind: 'succeeded', stackStatus: status, outputs, ...(environmentUrl ? { environmentUrl } : {}) };
  }
  const failingResource = findFailingResource(events);
  return {
    kind: wasCancelled({ events, stackName }) ? 'cancelled' : 'failed',
    stackStatus: status,
    ...(stack?.StackStatusReason === undefined ? {} : { statusReason: stack.StackStatusReason }),
    ...(failingResource === undefined ? {} : { failingResource }),
  };
}

/** CancelUpdateStack starts the rollback with a stack event whose reason is "User Initiated". */
function wasCancelled(params: { events: readonly StackEvent[]; stackName: string }): boolean {
  return params.events.some(
    (event) =>
      event.LogicalResourceId === params.stackName &&
      event.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS' &&
      event.ResourceStatusReason === 'User Initiated',
  );
}
