import { DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type { DescribeChangeSetCommandOutput } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';
import { pollUntil } from './poll-until.js';
import type { Now, PollBackoff, PollOutcome, Sleep } from './poll-until.js';

/**
 * Polls a change set until CloudFormation has finished computing it (CREATE_COMPLETE or FAILED).
 * The answer is the first page of DescribeChangeSet, which already holds the first changes.
 */
export async function waitForChangeSet(params: {
  cfn: CloudFormationApi;
  changeSetId: string;
  deadline: number;
  backoff: PollBackoff;
  sleep: Sleep;
  now: Now;
}): Promise<PollOutcome<DescribeChangeSetCommandOutput>> {
  const { cfn, changeSetId } = params;
  return pollUntil({
    ...params,
    check: async () => {
      const page = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: changeSetId }));
      return page.Status === 'CREATE_COMPLETE' || page.Status === 'FAILED' ? page : undefined;
    },
  });
}
