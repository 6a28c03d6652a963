import { DeleteChangeSetCommand, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';

/**
 * Deletes a change set that will not run. A CREATE change set also made an empty stack shell in
 * REVIEW_IN_PROGRESS, which deleting the change set leaves behind; `removeStackShell` deletes it
 * too so a dry run of a new stack leaves nothing in the account.
 */
export async function deleteChangeSet(params: {
  cfn: CloudFormationApi;
  changeSetId: string;
  stackId?: string;
  removeStackShell: boolean;
  log: (line: string) => void;
}): Promise<void> {
  const { cfn, changeSetId, stackId, removeStackShell, log } = params;
  await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId }));
  log(`Deleted change set ${changeSetId}`);
  if (removeStackShell && stackId !== undefined) {
    await cfn.send(new DeleteStackCommand({ StackName: stackId }));
    log(`Deleted the empty stack ${stackId} that the CREATE change set had reserved`);
  }
}
