import { httpStatusOf } from '../../github/http-status.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';

/** Where a task's status comment lives: the repository and the task's issue. */
export interface TaskPlace {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
}

/**
 * The status of the task on `place.issueNumber`, read and judged with a use case's dependencies
 * (`readTaskStatus`: trusted only when this agent wrote and signed it for `deps.repositoryId`).
 * `missingIssue: 'no-task'` reads an issue GitHub answers 404 for (a branch or payload named an
 * issue that does not exist) as no task; otherwise that error, like any other, is thrown.
 */
export async function readTaskStatusFor(
  deps: Pick<TaskEventDependencies, 'client' | 'trust' | 'repositoryId' | 'log'>,
  place: TaskPlace,
  options: { readonly missingIssue?: 'throw' | 'no-task' } = {},
): Promise<StatusCommentRef | undefined> {
  const read = readTaskStatus({
    client: deps.client,
    trust: deps.trust,
    owner: place.owner,
    repo: place.repo,
    issueNumber: place.issueNumber,
    repositoryId: deps.repositoryId,
    log: deps.log,
  });
  if (options.missingIssue !== 'no-task') return read;
  return read.catch((error: unknown) => {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  });
}
