/**
 * Where a piece of review feedback came from (DESIGN §1, issue #9 item 3): a review requesting
 * changes, a commented review or an inline review comment addressed to the agent, or an
 * `/implement <instructions>` comment on the pull request.
 */
export type FeedbackSource =
  'changes_requested_review' | 'commented_review' | 'review_comment' | 'implement_comment';

/**
 * One inline review comment as `GET /repos/{owner}/{repo}/pulls/{pull_number}/comments` lists it,
 * the fields named as GitHub names them. `line`/`start_line` are lines of the file on `side`;
 * GitHub sets `line` to null when the comment is outdated (the lines changed since).
 */
export interface InlineComment {
  readonly id: number;
  readonly path: string;
  readonly line: number | null;
  /** The first line of a multi-line comment; null for a single line. */
  readonly startLine: number | null;
  /** `RIGHT` is the pull request's head; `LEFT` the base. The side of `line`. */
  readonly side: 'LEFT' | 'RIGHT';
  /**
   * The side of `startLine` (GitHub's `start_side`): a range may start on the base (a deleted
   * line, numbered in the base file) and end on the head. Null or absent for a single line.
   */
  readonly startSide?: 'LEFT' | 'RIGHT' | null;
  readonly diffHunk: string;
  /** The commit the comment was written against. */
  readonly commitId: string;
  readonly body: string;
  /** Set on a reply: the thread's first comment, the one replies go under. */
  readonly inReplyToId?: number;
}

/** Feedback one person gave, read back from GitHub, before anyone judged whether it counts. */
export interface ReviewFeedback {
  readonly source: FeedbackSource;
  /** The review, review comment or issue comment id: the trigger key (`feedbackTriggerKey`) is built from it. */
  readonly id: number;
  /** Who gave it: login, account type and, when GitHub listed it, account id. */
  readonly author: { readonly login: string; readonly type: string; readonly id?: number };
  /** The review's or comment's own text; `''` for a review submitted with inline comments only. */
  readonly body: string;
  /** The review's inline comments (a `review_comment` carries itself here). */
  readonly comments: readonly InlineComment[];
}

/** The key `handled_triggers` keeps for a piece of feedback: `review:<id>`, `review-comment:<id>`, `comment:<id>`. */
export function feedbackTriggerKey(feedback: Pick<ReviewFeedback, 'source' | 'id'>): string {
  switch (feedback.source) {
    case 'changes_requested_review':
    case 'commented_review':
      return `review:${feedback.id}`;
    case 'review_comment':
      return `review-comment:${feedback.id}`;
    case 'implement_comment':
      return `comment:${feedback.id}`;
  }
}
