import { DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type { DescribeChangeSetCommandOutput } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';
import { pollUntil } from './poll-until.js';
import type { Now, PollBackoff, PollOutcome, Sleep } from './poll-until.js';
import { describeTransientError } from '../describe-transient-error.js';

/**
 * Right after CreateChangeSet, DescribeChangeSet may not see the change set yet (CloudFormation is
 * eventually consistent); the SDK names the Query API's `ChangeSetNotFound` code this way.
 */
const NOT_YET_VISIBLE = new Set(['ChangeSetNotFoundException', 'ChangeSetNotFound']);

/**
 * Polls a change set until CloudFormation has finished computing it (CREATE_COMPLETE or FAILED).
 * The answer is the first page of DescribeChangeSet, which already holds the first changes.
 * Throttling and a change set not yet visible are retried until the deadline.
 */
export async function waitForChangeSet(params: {
  cfn: CloudFormationApi;
  changeSetId: string;
  deadline: number;
  backoff: PollBackoff;
  sleep: Sleep;
  now: Now;
  log?: (line: string) => void;
}): Promise<PollOutcome<DescribeChangeSetCommandOutput>> {
  const { cfn, changeSetId, deadline, backoff, sleep, now } = params;
  return pollUntil({
    deadline,
    backoff,
    sleep,
    now,
    isTransient: (error) => error instanceof Error && NOT_YET_VISIBLE.has(error.name),
    onTransientError: (error) => params.log?.(describeTransientError(error)),
    check: async () => {
      const page = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: changeSetId }));
      return page.Status === 'CREATE_COMPLETE' || page.Status === 'FAILED' ? page : undefined;
    },
  });
}
