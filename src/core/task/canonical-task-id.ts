import { parseTaskId } from './parse-task-id.js';
import { taskIdOf } from './task-id-of.js';

/**
 * A task id read from elsewhere (a deployment payload, a marker written before ids were
 * canonical, a deployment in the environment's history) in the spelling `taskIdOf` makes: a
 * GitHub task's repository in lower case (`Acme/Shop#7` → `acme/shop#7`). Any other id (a CLI
 * task, `local/<folder>#<branch>`, whose folder names are case-sensitive) is returned as it is. Pure.
 */
export function canonicalTaskId(taskId: string): string {
  const task = parseTaskId(taskId);
  return task === undefined ? taskId : taskIdOf(task);
}
