import { isLocalTaskId } from '../task/is-local-task-id.js';
import { parseTaskId } from '../task/parse-task-id.js';
import { isRecord } from '../request/is-record.js';

/**
 * The repository name (owner and repo) a name-bound (v2) deployment payload records for itself:
 * the repository of its `task_id`, when that is not `current` (compared case-blind, as GitHub
 * names are). `undefined` for an id-bound payload (it holds under any name of its id), one naming
 * no GitHub task, or one naming the current name. Only a hint of where to look: a signature over
 * the name, and GitHub resolving the name to this repository's id, make it count. Pure.
 */
export function nameSignedFor(params: {
  payload: unknown;
  current: string;
}): { readonly owner: string; readonly repo: string } | undefined {
  const { payload, current } = params;
  if (!isRecord(payload) || payload['repository_id'] !== undefined) return undefined;
  const taskId = payload['task_id'];
  if (typeof taskId !== 'string' || isLocalTaskId(taskId)) return undefined;
  const task = parseTaskId(taskId);
  // GitHub's own limits on an account's and a repository's name bound what is asked of its API.
  if (task === undefined || !/^[A-Za-z0-9-]{1,39}$/.test(task.owner) || !/^[\w.-]{1,100}$/.test(task.repo))
    return undefined;
  const { owner, repo } = task;
  return `${owner}/${repo}`.toLowerCase() === current.toLowerCase() ? undefined : { owner, repo };
}
