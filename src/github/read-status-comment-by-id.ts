import { judgeMarker } from '../core/state/judge-marker.js';
import { readStateMarker } from '../core/state/state-marker.js';
import type { MarkerAuthority, StatusCommentRef } from './status-comment.js';

export interface CommentByIdClient {
  issues: {
    getComment(p: {
      owner: string;
      repo: string;
      comment_id: number;
    }): Promise<{ data: { body?: string; user?: { login: string } | null } }>;
  };
}

/**
 * The status comment `commentId` as it is now, judged as `findStatusComment` judges it (one call:
 * *Get an issue comment*); `undefined` when its marker is gone or not this agent's. The status
 * board reads its comment back after writing it, to see another run's write that replaced its own.
 */
export async function readStatusCommentById(params: {
  client: CommentByIdClient;
  owner: string;
  repo: string;
  issueNumber: number;
  commentId: number;
  authority: MarkerAuthority;
}): Promise<StatusCommentRef | undefined> {
  const { client, owner, repo, authority } = params;
  const { data } = await client.issues.getComment({ owner, repo, comment_id: params.commentId });
  const line = data.body === undefined ? undefined : readStateMarker(data.body);
  if (line === undefined) return undefined;
  const judgement = judgeMarker({
    author: data.user?.login,
    line,
    identity: authority.identity,
    taskId: `${owner}/${repo}#${params.issueNumber}`,
    keys: authority.keys,
  });
  if (judgement.trust === 'ignored') return undefined;
  return {
    commentId: params.commentId,
    marker: line.marker,
    trust: judgement.trust,
    reason: judgement.reason,
    body: data.body ?? '',
  };
}
