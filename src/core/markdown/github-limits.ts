/**
 * How GitHub measures a limit. `characters` is counted here in UTF-16 code units (JS `length`),
 * which is never less than the code points GitHub counts for comment, issue and PR bodies, and
 * keeps a body under the 262,144 UTF-8 bytes GitHub was measured to accept for comments
 * (dead-claudia/github-limits#13); so a body within the limit in code units is within it by
 * every count GitHub uses. `bytes` is UTF-8, as the Checks API measures its output.
 */
export type LimitUnit = 'characters' | 'bytes';

export interface TextLimit {
  readonly max: number;
  readonly unit: LimitUnit;
  /** What the limit is on, for the note that says a body was cut. */
  readonly what: string;
}

/**
 * Issue and pull request comments: "Body is too long (maximum is 65536 characters)", GitHub's 422
 * answer to `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`
 * (https://docs.github.com/rest/issues/comments#create-an-issue-comment).
 */
export const COMMENT_BODY_LIMIT: TextLimit = { max: 65_536, unit: 'characters', what: 'comment' };

/** Issue bodies: the same 65,536-character answer from `POST /repos/{owner}/{repo}/issues`. */
export const ISSUE_BODY_LIMIT: TextLimit = { max: 65_536, unit: 'characters', what: 'issue body' };

/**
 * Pull request bodies: 65,536 characters, code points whatever their UTF-8 size, as measured on
 * `POST /repos/{owner}/{repo}/pulls` (dead-claudia/github-limits#13).
 */
export const PULL_REQUEST_BODY_LIMIT: TextLimit = {
  max: 65_536,
  unit: 'characters',
  what: 'pull request body',
};

/**
 * Pull request review comments and their replies: the same 65,536-character body limit as other
 * comments (https://docs.github.com/rest/pulls/comments#create-a-reply-for-a-review-comment).
 */
export const REVIEW_COMMENT_BODY_LIMIT: TextLimit = {
  max: 65_536,
  unit: 'characters',
  what: 'review comment',
};

/**
 * Check run `output.summary`: "Maximum length: 65535 characters" in the REST docs
 * (https://docs.github.com/rest/checks/runs#create-a-check-run), enforced in UTF-8 bytes
 * ("summary exceeds a maximum bytesize of 65535", github/docs#35252).
 */
export const CHECK_RUN_SUMMARY_LIMIT: TextLimit = { max: 65_535, unit: 'bytes', what: 'check run summary' };

/** Check run `output.text`: the same 65,535 limit as the summary, in bytes (same sources). */
export const CHECK_RUN_TEXT_LIMIT: TextLimit = { max: 65_535, unit: 'bytes', what: 'check run text' };

/**
 * Deployment status `description`: "A short description of the status. The maximum description
 * length is 140 characters." (https://docs.github.com/rest/deployments/statuses#create-a-deployment-status).
 * Deployment `description` is given the same cap.
 */
export const DEPLOYMENT_DESCRIPTION_LIMIT: TextLimit = {
  max: 140,
  unit: 'characters',
  what: 'deployment description',
};
