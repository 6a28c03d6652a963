import { CancelUpdateStackCommand } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';
import { describeStack } from './describe-stack.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';

export type StackUpdateCancellation =
  /** CloudFormation accepted; the running deploy sees the rollback and ends as `cancelled`. */
  | { readonly kind: 'cancel-requested'; readonly message: string }
  /** Nothing to cancel: no stack, or the stack is not in UPDATE_IN_PROGRESS. */
  | { readonly kind: 'not-cancellable'; readonly message: string; readonly stackStatus?: string };

/**
 * Asks CloudFormation to stop a running update and roll it back (what `/cancel <env>` does).
 * Only an update can be cancelled; a stack being created or deleted cannot.
 */
export async function cancelStackUpdate(params: {
  cfn: CloudFormationApi;
  stackName: string;
}): Promise<StackUpdateCancellation> {
  const { cfn, stackName } = params;
  try {
    await cfn.send(new CancelUpdateStackCommand({ StackName: stackName }));
    return {
      kind: 'cancel-requested',
      message: `Cancelling the update of ${untrustedInline(stackName)}; CloudFormation is rolling it back to the previous version.`,
    };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ValidationError') throw error;
    if (/does not exist/.test(error.message)) {
      return {
        kind: 'not-cancellable',
        message: `There is no stack ${untrustedInline(stackName)}, so nothing to cancel.`,
      };
    }
    if (!/CancelUpdateStack cannot be called from current stack status/i.test(error.message)) throw error;
    const stackStatus = (await describeStack({ cfn, stack: stackName }))?.StackStatus;
    return {
      kind: 'not-cancellable',
      message: `Stack ${untrustedInline(stackName)} is ${stackStatus ?? 'not updating'}; only an update in progress (UPDATE_IN_PROGRESS) can be cancelled.`,
      ...(stackStatus === undefined ? {} : { stackStatus }),
    };
  }
}
