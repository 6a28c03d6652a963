import { httpStatusOf } from './http-status.js';

export interface RequestSourceClient {
  issues: {
    get(p: {
      owner: string;
      repo: string;
      issue_number: number;
    }): Promise<{ data: { body?: string | null; user?: { login: string } | null } }>;
    getComment(p: {
      owner: string;
      repo: string;
      comment_id: number;
    }): Promise<{ data: { body?: string; user?: { login: string } | null } }>;
  };
}

/**
 * Where a task's request is written, as GitHub has it now. `author` is who wrote the comment or
 * opened the issue (GitHub's `user.login`; `undefined` for a deleted account): besides writers,
 * only they can have edited the text since.
 */
export type RequestSource =
  | { readonly kind: 'comment'; readonly body: string; readonly author: string | undefined }
  | { readonly kind: 'issue'; readonly body: string; readonly author: string | undefined }
  /** The `/implement` comment that held the request was deleted (404). */
  | { readonly kind: 'deleted' };

/**
 * The text a task's request comes from now: its `/implement` comment (`requestCommentId`, from the
 * marker) when it has one, else the issue body (`GET /repos/{owner}/{repo}/issues/{issue_number}`).
 * Other errors are thrown.
 */
export async function readRequestSource(params: {
  client: RequestSourceClient;
  owner: string;
  repo: string;
  issueNumber: number;
  requestCommentId: number | undefined;
}): Promise<RequestSource> {
  const { client, owner, repo } = params;
  if (params.requestCommentId === undefined) {
    const issue = await client.issues.get({ owner, repo, issue_number: params.issueNumber });
    return { kind: 'issue', body: issue.data.body ?? '', author: issue.data.user?.login };
  }
  try {
    const comment = await client.issues.getComment({ owner, repo, comment_id: params.requestCommentId });
    return { kind: 'comment', body: comment.data.body ?? '', author: comment.data.user?.login };
  } catch (error) {
    if (httpStatusOf(error) === 404) return { kind: 'deleted' };
    throw error;
  }
}
