import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { Stack } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';

/**
 * The stack, or undefined when none exists. CloudFormation answers a missing stack with a
 * ValidationError ("Stack with id x does not exist") rather than an empty list.
 * `stack` may be a name or a stack id; an id still finds a deleted stack (DELETE_COMPLETE).
 */
export async function describeStack(params: {
  cfn: CloudFormationApi;
  stack: string;
}): Promise<Stack | undefined> {
  try {
    const answer = await params.cfn.send(new DescribeStacksCommand({ StackName: params.stack }));
    return answer.Stacks?.[0];
  } catch (error) {
    if (isMissingStackError(error)) return undefined;
    throw error;
  }
}

function isMissingStackError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationError' && /does not exist/.test(error.message);
}
