import { COMMENT_BODY_LIMIT } from '../core/markdown/github-limits.js';
import { fitBody } from '../core/markdown/fit-body.js';
import { redactSecrets } from '../core/secrets/redact-secrets.js';

export interface CommentClient {
  issues: {
    createComment(p: {
      owner: string;
      repo: string;
      issue_number: number;
      body: string;
    }): Promise<{ data: { id: number } }>;
  };
}

/**
 * One new comment on an issue or pull request (command answers, deploy reports), cut to GitHub's
 * 65,536-character limit with "…and N more" rather than refused. Returns the comment's id. The
 * body is redacted here, at the sink (`redactSecrets`), so an error message quoted in an answer or
 * a report never carries a secret; throws when the scanner fails (nothing unchecked is posted).
 */
export async function postComment(params: {
  client: CommentClient;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
}): Promise<number> {
  const created = await params.client.issues.createComment({
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issueNumber,
    body: fitBody({ body: await redactSecrets(params.body), limit: COMMENT_BODY_LIMIT }),
  });
  return created.data.id;
}
