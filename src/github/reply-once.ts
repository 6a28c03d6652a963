import { postComment, type CommentClient } from './post-comment.js';
import { readPages } from './read-all-pages.js';

interface ListedComment {
  id: number;
  body?: string;
  user: { login: string } | null;
}

export interface ReplyOnceClient extends CommentClient {
  issues: CommentClient['issues'] & {
    listComments(p: {
      owner: string;
      repo: string;
      issue_number: number;
      since?: string;
      per_page: number;
      page?: number;
    }): Promise<{
      data: ListedComment[];
      headers?: { link?: string | undefined };
    }>;
  };
}

/** Replies are looked for among the comments written since the command; a handful in practice. */
const MAX_PAGES = 3;

function replyMarker(commentId: number): string {
  return `<!-- implementation-agent:reply-to ${commentId} -->`;
}

/**
 * Answers a command comment at most once: the reply carries a hidden line naming the comment, and
 * a repeated handling of the same comment (a redelivery) finds that reply among the agent's own
 * comments (written as `identity`, the login its comments are written as) since `since` (the
 * command's own time, ISO 8601) instead of posting another. The same line in anyone else's
 * comment, another bot's included, counts for nothing: it cannot silence an answer. Returns the
 * reply's id and whether it was posted now.
 */
export async function replyOnce(params: {
  client: ReplyOnceClient;
  owner: string;
  repo: string;
  issueNumber: number;
  commentId: number;
  since: string;
  body: string;
  identity: string;
}): Promise<{ id: number; posted: boolean }> {
  const { client, owner, repo, issueNumber } = params;
  const marker = replyMarker(params.commentId);
  const isReply = (comment: ListedComment) =>
    comment.user?.login.toLowerCase() === params.identity.toLowerCase() &&
    (comment.body ?? '').includes(marker);
  const { items } = await readPages<ListedComment>({
    maxPages: MAX_PAGES,
    enough: (comments) => comments.some(isReply),
    fetchPage: async ({ page }) => {
      const answer = await client.issues.listComments({
        owner,
        repo,
        issue_number: issueNumber,
        ...(params.since === '' ? {} : { since: params.since }),
        per_page: 100,
        ...(page === undefined ? {} : { page }),
      });
      return { items: answer.data, link: answer.headers?.link };
    },
  });
  const earlier = items.find(isReply);
  if (earlier) return { id: earlier.id, posted: false };
  const id = await postComment({ client, owner, repo, issueNumber, body: `${params.body}\n\n${marker}` });
  return { id, posted: true };
}
