import { judgeMarker } from '../core/state/judge-marker.js';
import { readStateMarker } from '../core/state/state-marker.js';
import { httpStatusOf } from './http-status.js';
import type { MarkerAuthority, ResponseValidators, StatusCommentRef } from './status-comment.js';
import { taskIdOf } from '../core/task/task-id-of.js';
import { markerRepositoryIds, type RepositoryIdClient } from './marker-repository-ids.js';

export interface CommentByIdClient extends RepositoryIdClient {
  issues: {
    getComment(p: {
      owner: string;
      repo: string;
      comment_id: number;
      headers?: { 'if-none-match'?: string };
    }): Promise<{ data: { body?: string; user?: { login: string } | null }; headers?: ResponseValidators }>;
  };
}

/**
 * The status comment `commentId` as it is now, judged as `findStatusComment` judges it (one call:
 * *Get an issue comment*); `undefined` when its marker is gone or not this agent's. The status
 * board reads its comment back after writing it, to see another run's write that replaced its own.
 * With `etag` (the `ETag` of this run's write) the read is conditional (`If-None-Match`): GitHub
 * answers 304 when the comment is unchanged since, and a 304 does not count against the primary
 * rate limit (docs.github.com, *Best practices for using the REST API*, "Use conditional
 * requests"); that comes back as `'unchanged'`. A comment that did change answers 200 and is
 * judged as without `etag`; its own `ETag` comes back on the ref (`etag`), so the next read of it can
 * be conditional too. Throws what the call throws otherwise.
 */
export async function readStatusCommentById(params: {
  client: CommentByIdClient;
  owner: string;
  repo: string;
  issueNumber: number;
  commentId: number;
  authority: MarkerAuthority;
  etag?: string;
  /** GitHub's id of the repository (see `judgeMarker`). */
  repositoryId: number;
}): Promise<StatusCommentRef | 'unchanged' | undefined> {
  const { client, owner, repo, authority } = params;
  let data: { body?: string; user?: { login: string } | null };
  let headers: ResponseValidators | undefined;
  try {
    ({ data, headers } = await client.issues.getComment({
      owner,
      repo,
      comment_id: params.commentId,
      ...(params.etag === undefined ? {} : { headers: { 'if-none-match': params.etag } }),
    }));
  } catch (error) {
    if (params.etag !== undefined && httpStatusOf(error) === 304) return 'unchanged';
    throw error;
  }
  const line = data.body === undefined ? undefined : readStateMarker(data.body);
  if (line === undefined) return undefined;
  const author = data.user?.login;
  const ids =
    author?.toLowerCase() === authority.identity.toLowerCase()
      ? await markerRepositoryIds({ client, owner, repo, repositoryId: params.repositoryId })(line.marker)
      : { repositoryId: params.repositoryId };
  const judgement = judgeMarker({
    author,
    line,
    identity: authority.identity,
    taskId: taskIdOf({ owner, repo, issueNumber: params.issueNumber }),
    keys: authority.keys,
    ...ids,
  });
  if (judgement.trust === 'ignored') return undefined;
  return {
    commentId: params.commentId,
    marker: line.marker,
    trust: judgement.trust,
    reason: judgement.reason,
    body: data.body ?? '',
    ...(headers?.etag === undefined ? {} : { etag: headers.etag }),
  };
}
