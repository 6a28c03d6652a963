import { parseTaskId } from './parse-task-id.js';
import { taskIdOf } from './task-id-of.js';

/**
 * A GitHub task id read from a place only GitHub tasks come from (a deployment payload, a
 * deployment in an environment's history) in the spelling `taskIdOf` makes: the repository in
 * lower case, ASCII-only (`Acme/Shop#7` → `acme/shop#7`). Text that is no `owner/repo#issue` is
 * returned as it is. Pure.
 */
export function canonicalGitHubTaskId(taskId: string): string {
  const task = parseTaskId(taskId);
  return task === undefined ? taskId : taskIdOf(task);
}
