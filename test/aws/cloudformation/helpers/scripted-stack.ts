import { DescribeStackEventsCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type {
  CloudFormationClient,
  DescribeStackEventsCommandInput,
  Output,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { describeStacksAnswer, eventsAnswer } from './cloudformation-fixtures.js';

/** What one DescribeStacks poll sees, and the events that appeared up to that moment. */
export interface StackStep {
  readonly status: string;
  /** This poll is answered with the error instead (a throttled call, say); the stack moved on all the same. */
  readonly error?: Error;
  readonly events?: readonly StackEvent[];
  readonly statusReason?: string;
  readonly outputs?: readonly Output[];
}

/**
 * Plays a stack operation the way CloudFormation shows it: each DescribeStacks call moves one
 * step on (the last step repeats), and DescribeStackEvents lists every event so far, newest first,
 * in pages of `pageSize` joined by NextToken.
 */
export function scriptStackOperation(params: {
  cfnMock: AwsClientStub<CloudFormationClient>;
  baseline: readonly StackEvent[];
  steps: readonly StackStep[];
  pageSize?: number;
}): void {
  const { cfnMock, baseline, steps, pageSize = 100 } = params;
  let current = -1;
  cfnMock.on(DescribeStacksCommand).callsFake(() => {
    current = Math.min(current + 1, steps.length - 1);
    const step = steps[current];
    if (step === undefined) throw new Error('scriptStackOperation needs at least one step');
    if (step.error !== undefined) throw step.error;
    return describeStacksAnswer(step.status, {
      ...(step.statusReason === undefined ? {} : { StackStatusReason: step.statusReason }),
      ...(step.outputs === undefined ? {} : { Outputs: [...step.outputs] }),
    });
  });
  cfnMock.on(DescribeStackEventsCommand).callsFake((input: DescribeStackEventsCommandInput) => {
    const visible = [...baseline, ...steps.slice(0, current + 1).flatMap((step) => step.events ?? [])];
    const newestFirst = eventsAnswer(visible).StackEvents ?? [];
    const start = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('page-', ''));
    const end = start + pageSize;
    return eventsAnswer(newestFirst.slice(start, end), end < newestFirst.length ? `page-${end}` : undefined);
  });
}
