import type { StatusCommentClient } from './status-comment.js';

/** *Delete an issue comment*: the agent may delete the comments it wrote. */
export interface DeleteCommentClient {
  issues: {
    deleteComment(p: { owner: string; repo: string; comment_id: number }): Promise<unknown>;
  };
}

/**
 * Takes a second status comment out of play after two runs each created one (the oldest is kept,
 * `keptId`): deleted, or — when GitHub refuses the delete — edited into a plain note pointing at
 * the kept one, without a marker, so no reader takes it for the status again. Throws only when
 * both calls fail.
 */
export async function retireDuplicateBoard(params: {
  client: DeleteCommentClient & Pick<StatusCommentClient, 'issues'>;
  owner: string;
  repo: string;
  commentId: number;
  keptId: number;
}): Promise<'deleted' | 'marked'> {
  const { client, owner, repo, commentId } = params;
  try {
    await client.issues.deleteComment({ owner, repo, comment_id: commentId });
    return 'deleted';
  } catch {
    await client.issues.updateComment({
      owner,
      repo,
      comment_id: commentId,
      body: `_Two runs wrote this task's status at once; [the status comment](#issuecomment-${params.keptId}) above is the one kept._\n`,
    });
    return 'marked';
  }
}
