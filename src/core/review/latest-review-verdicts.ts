/** A pull request review as `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews` lists it. */
export interface PullRequestReview {
  /** `type` is `User`, `Bot` or `Organization`; older fixtures may leave it out. */
  readonly user: { readonly login: string; readonly type?: string; readonly id?: number } | null;
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED` or `PENDING`. */
  readonly state: string;
  /** The head the review was written against; null for some old reviews. */
  readonly commit_id: string | null;
}

/** A reviewer's standing verdict: their latest approval or request for changes that still holds. */
export interface ReviewVerdict {
  readonly login: string;
  /** The reviewer's GitHub account id, when the review list gave it: it stays through a rename. */
  readonly id?: number;
  readonly state: 'APPROVED' | 'CHANGES_REQUESTED';
  readonly commitId: string | null;
}

/**
 * Each reviewer's latest verdict, in the order GitHub lists reviews (oldest first). As on GitHub,
 * a comment review leaves the verdict standing, a dismissed review withdraws it, and a pending
 * (unsubmitted) review is nobody's verdict yet. Logins compare case-insensitively.
 *
 * A bot's review is nobody's verdict, approval or request for changes (DESIGN §5b: reviews from
 * bots change nothing): an App holding `contents: write` (a dependency bot, an auto-approve
 * workflow) would otherwise pass the "writer approved" rule on its own. A bot is `user.type`
 * `Bot` or a `[bot]` login (GitHub's suffix for App accounts, docs.github.com, *About apps*).
 */
export function latestReviewVerdicts(reviews: readonly PullRequestReview[]): ReviewVerdict[] {
  const verdicts = new Map<string, ReviewVerdict>();
  for (const review of reviews) {
    if (!review.user || isBot(review.user)) continue;
    const key = review.user.login.toLowerCase();
    if (review.state === 'DISMISSED') verdicts.delete(key);
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED') {
      const id = review.user.id === undefined ? {} : { id: review.user.id };
      verdicts.set(key, { login: review.user.login, ...id, state: review.state, commitId: review.commit_id });
    }
  }
  return [...verdicts.values()];
}

function isBot(user: { readonly login: string; readonly type?: string }): boolean {
  return user.type === 'Bot' || user.login.toLowerCase().endsWith('[bot]');
}
