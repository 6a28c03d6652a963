import { canonicalGitHubTaskId } from './canonical-github-task-id.js';
import { isLocalTaskId } from './is-local-task-id.js';

/**
 * A task id whose kind is not known (a marker written before ids were canonical) in the spelling
 * its kind uses: a CLI task's (`local/<folder>#<branch>`, `isLocalTaskId`) as it is, folder names
 * being case-sensitive; a GitHub task's as `canonicalGitHubTaskId` spells it (`Acme/Shop#7` →
 * `acme/shop#7`). A caller that knows the id is GitHub's calls `canonicalGitHubTaskId`. Pure.
 */
export function canonicalTaskId(taskId: string): string {
  return isLocalTaskId(taskId) ? taskId : canonicalGitHubTaskId(taskId);
}
