import { DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type { Change, DescribeChangeSetCommandOutput } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';

/** All changes of a computed change set: the first page already read, then every NextToken page. */
export async function readChangeSetChanges(params: {
  cfn: CloudFormationApi;
  changeSetId: string;
  firstPage: DescribeChangeSetCommandOutput;
}): Promise<Change[]> {
  const { cfn, changeSetId, firstPage } = params;
  const changes = [...(firstPage.Changes ?? [])];
  for (let token = firstPage.NextToken; token !== undefined;) {
    const page = await cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: changeSetId, NextToken: token }),
    );
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  }
  return changes;
}
