export interface ReviewReplyClient {
  pulls: {
    createReplyForReviewComment(p: {
      owner: string;
      repo: string;
      pull_number: number;
      comment_id: number;
      body: string;
    }): Promise<unknown>;
  };
}

/**
 * Answers in a review thread: `POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies`.
 * GitHub takes only a thread's first comment as `comment_id` ("replies to replies are not
 * supported"), so a reply's own id is swapped for the one it answers.
 */
export async function replyToReviewComment(params: {
  client: ReviewReplyClient;
  owner: string;
  repo: string;
  pullNumber: number;
  comment: { readonly id: number; readonly inReplyToId?: number };
  body: string;
}): Promise<void> {
  await params.client.pulls.createReplyForReviewComment({
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    comment_id: params.comment.inReplyToId ?? params.comment.id,
    body: params.body,
  });
}
