import type { StackState } from './stack-state.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { codeSpan } from '../../core/markdown/code-span.js';

/**
 * Why a deploy cannot create a change set for a stack in this state, and the command that gets
 * it moving again, as one line of markdown: the commands are code spans, AWS's names and reasons
 * are shown literally. Called only for states a change set cannot start from.
 */
export function explainBlockedStack(params: {
  stackName: string;
  state: StackState;
  status: string;
  statusReason?: string;
  recreateAllowed: boolean;
  dryRun: boolean;
}): string {
  const { stackName, state, status, statusReason, recreateAllowed, dryRun } = params;
  const why = statusReason ? ` (${untrustedInline(statusReason)})` : '';
  const head = `Stack ${untrustedInline(stackName)} is ${untrustedInline(status)}${why}`;
  const deleteCommand = codeSpan(`aws cloudformation delete-stack --stack-name ${stackName}`);
  if (state === 'in-progress') {
    return `${head}: another operation is still running. Wait for it to finish, or stop an update with \`/cancel\`, then deploy again.`;
  }
  if (state === 'needs-recreate') {
    const first = `${head}: its first creation failed and CloudFormation only allows deleting it.`;
    if (dryRun && recreateAllowed) {
      return `${first} A real deploy will delete it and create it again; a dry run deletes nothing, so there is no change set to preview until then.`;
    }
    return `${first} Delete it with ${deleteCommand} and deploy again, or allow this environment's deploys to delete and recreate rolled-back stacks.`;
  }
  if (status === 'UPDATE_ROLLBACK_FAILED') {
    return `${head}: the rollback of the last update failed. Continue it with ${codeSpan(`aws cloudformation continue-update-rollback --stack-name ${stackName}`)} (add \`--resources-to-skip\` for resources that cannot roll back), then deploy again.`;
  }
  if (status === 'CREATE_FAILED' || status === 'UPDATE_FAILED') {
    return `${head}: the last operation failed with rollback disabled. Roll it back with ${codeSpan(`aws cloudformation rollback-stack --stack-name ${stackName}`)} or delete it with ${deleteCommand}, then deploy again.`;
  }
  return `${head}: CloudFormation cannot update it. Delete it with ${deleteCommand} (add \`--retain-resources\` for resources that cannot be deleted), then deploy again.`;
}
