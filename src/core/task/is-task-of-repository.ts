import { parseTaskId } from './parse-task-id.js';

/**
 * Whether `taskId` (`owner/repo#issue`) names an issue of `owner/repo`, compared without regard to
 * case as GitHub compares repository names. A CLI task (`local/…`) or any other text is not:
 * a task id read from a payload or a marker is the sender's text, and the mirror tables are shared
 * by every repository, so only the repository the event came from may move its own tasks.
 */
export function isTaskOfRepository(params: { taskId: string; owner: string; repo: string }): boolean {
  const task = parseTaskId(params.taskId);
  return (
    task !== undefined &&
    task.owner.toLowerCase() === params.owner.toLowerCase() &&
    task.repo.toLowerCase() === params.repo.toLowerCase()
  );
}
