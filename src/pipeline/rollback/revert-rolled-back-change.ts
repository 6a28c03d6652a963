import { openRevertPullRequest, type RevertClient } from '../../github/open-revert-pull-request.js';
import type { RepositoryRef } from '../events/task-event.js';

/**
 * Keeps git matching what runs after a rollback (`revert_pr_on_rollback`): opens the pull request
 * that reverts the rolled-back change on the default branch (`openRevertPullRequest`) and returns
 * the sentence that tells the requester so, beginning with a space: which pull request, why none
 * could be made, or `''` when the rolled-back sha is not on the default branch.
 */
export async function revertRolledBackChange(params: {
  client: RevertClient;
  repository: RepositoryRef;
  environment: string;
  /** The sha rolled back to, and the one rolled back from. */
  goodSha: string;
  badSha: string;
  rollbackDeploymentId: number;
}): Promise<string> {
  const { repository, ...rest } = params;
  const revert = await openRevertPullRequest({
    ...rest,
    owner: repository.owner,
    repo: repository.repo,
    defaultBranch: repository.defaultBranch,
  });
  if (revert === undefined) return '';
  return 'problem' in revert
    ? ` ⚠️ To keep git matching what runs, the rolled-back change should be reverted on the default branch: ${revert.problem}.`
    : ` To keep git matching what runs, #${revert.number} reverts the rolled-back change on the default branch.`;
}
