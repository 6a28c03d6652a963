import { DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';
import { describeStack } from './describe-stack.js';
import { describeTransientError } from '../describe-transient-error.js';
import { pollUntil } from './poll-until.js';
import type { Now, PollBackoff, Sleep } from './poll-until.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';

export type StackDeletion =
  | { readonly kind: 'deleted' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'timed-out'; readonly reason: string };

/**
 * Deletes a stack and waits until it is gone. Polls by stack id, because a name stops resolving
 * once the stack is deleted while an id still answers DELETE_COMPLETE or DELETE_FAILED.
 */
export async function deleteStackAndWait(params: {
  cfn: CloudFormationApi;
  stackId: string;
  deadline: number;
  backoff: PollBackoff;
  sleep: Sleep;
  now: Now;
  log: (line: string) => void;
}): Promise<StackDeletion> {
  const { cfn, stackId, log } = params;
  log(`Deleting stack ${stackId}`);
  await cfn.send(new DeleteStackCommand({ StackName: stackId }));
  const outcome = await pollUntil<StackDeletion>({
    ...params,
    onTransientError: (error) => log(describeTransientError(error)),
    check: async () => {
      const stack = await describeStack({ cfn, stack: stackId });
      if (stack === undefined || stack.StackStatus === 'DELETE_COMPLETE') return { kind: 'deleted' };
      if (stack.StackStatus === 'DELETE_FAILED') {
        return {
          kind: 'failed',
          reason: `Deleting ${untrustedInline(stackId)} failed: ${untrustedInline(stack.StackStatusReason ?? 'no reason given')}`,
        };
      }
      return undefined;
    },
  });
  if (outcome.done) return outcome.value;
  return {
    kind: 'timed-out',
    reason: `Stack ${untrustedInline(stackId)} was still being deleted when the deploy timed out.`,
  };
}
