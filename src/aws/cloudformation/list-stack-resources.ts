import { ListStackResourcesCommand, type StackResourceSummary } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';

/** Every resource of the stack, across pages. */
export async function listStackResources(params: {
  cfn: CloudFormationApi;
  stackName: string;
}): Promise<StackResourceSummary[]> {
  const rows: StackResourceSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await params.cfn.send(
      new ListStackResourcesCommand({
        StackName: params.stackName,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    );
    rows.push(...(page.StackResourceSummaries ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return rows;
}
