import { canTransition, type TaskState } from '../../core/state/task-state.js';
import { postComment } from '../../github/post-comment.js';
import type { CommentClient } from '../../github/post-comment.js';
import type { RepositoryRef } from '../events/task-event.js';

/**
 * A move the state table does not allow is answered, never thrown: the person who asked hears
 * why nothing happened, and the task keeps its state. `undefined` when the move is allowed.
 */
export async function refuseIllegalMove(params: {
  client: CommentClient;
  repository: RepositoryRef;
  issueNumber: number;
  from: TaskState | undefined;
  to: TaskState;
  requester: string;
}): Promise<{ status: 'refused'; message: string } | undefined> {
  const { client, from, to, requester } = params;
  if (from === undefined || from === to || canTransition(from, to)) return undefined;
  const { owner, repo } = params.repository;
  const message =
    `@${requester}, this task is ${from.replaceAll('_', ' ')}, so a new request cannot ` +
    `${to === 'held' ? 'be held for approval' : 'start'} now; nothing was changed. ` +
    'Comment again once the task has moved on, or open a new issue for a new request.';
  await postComment({ client, owner, repo, issueNumber: params.issueNumber, body: message });
  return { status: 'refused', message };
}
