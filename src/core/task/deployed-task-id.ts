import { canonicalGitHubTaskId } from './canonical-github-task-id.js';
import { isLocalTaskId } from './is-local-task-id.js';
import { isTaskOfRepository } from './is-task-of-repository.js';
import { parseTaskId } from './parse-task-id.js';
import { taskIdOf } from './task-id-of.js';

/**
 * The task a deployment payload names, as this repository's task id now (`owner/repo#issue` in the
 * spelling `taskIdOf` makes), or `undefined` when the payload names no task of this repository.
 * - `taskId` under this repository's name in any case: that task (`renamed` false).
 * - `taskId` under another name, with the payload's `repository_id` (`payloadRepositoryId`) equal
 *   to this repository's `repositoryId`: the same issue number under the current name, `renamed`
 *   true. A repository keeps its id through a rename or a transfer (GitHub docs, *Renaming a
 *   repository*), so a deployment created before one names the former name. Only as true as the
 *   payload: its signature binds the id (`deploymentSigningText`), so a caller lets `renamed` move
 *   anything shared by repositories (the mirror tables) only for a verified payload.
 * - Anything else (another id, no id, text that is no task id, a CLI task): `undefined`.
 * Pure.
 */
export function deployedTaskId(params: {
  taskId: string;
  owner: string;
  repo: string;
  repositoryId: number;
  payloadRepositoryId: number | undefined;
}): { readonly taskId: string; readonly renamed: boolean } | undefined {
  const { owner, repo } = params;
  if (isTaskOfRepository({ taskId: params.taskId, owner, repo }))
    return { taskId: canonicalGitHubTaskId(params.taskId), renamed: false };
  const task = parseTaskId(params.taskId);
  if (
    task === undefined ||
    isLocalTaskId(params.taskId) ||
    params.payloadRepositoryId !== params.repositoryId
  )
    return undefined;
  return { taskId: taskIdOf({ owner, repo, issueNumber: task.issueNumber }), renamed: true };
}
