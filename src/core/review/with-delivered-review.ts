import type { PullRequestReview } from './latest-review-verdicts.js';

/** A review with GitHub's id and, once submitted, when (ISO 8601): as listed, or as a webhook delivers it. */
export interface IdentifiedReview extends PullRequestReview {
  readonly id: number;
  readonly submitted_at?: string | null | undefined;
}

/** Where a review is in its life on GitHub: pending, then submitted, then (perhaps) dismissed. */
const STAGE: Readonly<Record<string, number>> = {
  PENDING: 0,
  COMMENTED: 1,
  APPROVED: 1,
  CHANGES_REQUESTED: 1,
  DISMISSED: 2,
};

/**
 * The reviews GitHub listed, with the review a `pull_request_review` delivery carries merged in
 * (DESIGN §5b: what GitHub proves counts — a signed delivery as much as the list), so a verdict
 * the REST list does not show yet still counts: reading right after a delivery may lag it. By
 * review `id`: a review the list has takes the later of the two states in a review's life
 * (pending → submitted → dismissed: a redelivered `submitted` never undoes a listed dismissal, a
 * delivered `dismissed` ends a listed request for changes); one it lacks counts only when written
 * on the current head (`headSha`: a review of an older head the list would show already, so the
 * delivery is not the list lagging) and is placed by `submitted_at` among the listed ones (GitHub lists oldest first), after them when either has
 * none, so a redelivered old review never passes for its reviewer's latest. Who counts and on
 * which head is still the approval rule's (`latestReviewVerdicts`, `decideApproval`).
 */
export function withDeliveredReview<T extends IdentifiedReview>(params: {
  reviews: readonly T[];
  delivered: IdentifiedReview | undefined;
  /** The pull request's head now (40 hex). */
  headSha: string;
}): Array<T | IdentifiedReview> {
  const { reviews, delivered } = params;
  if (delivered === undefined) return [...reviews];
  const state = delivered.state.toUpperCase();
  const listed = reviews.findIndex((review) => review.id === delivered.id);
  if (listed >= 0) {
    const known = reviews[listed]!;
    if ((STAGE[state] ?? 0) <= (STAGE[known.state.toUpperCase()] ?? 0)) return [...reviews];
    return reviews.map((review, index) => (index === listed ? { ...review, state } : review));
  }
  // Only a verdict on the head now is the list lagging: anything older it would show already.
  if (delivered.commit_id?.toLowerCase() !== params.headSha.toLowerCase()) return [...reviews];
  const at = delivered.submitted_at;
  const later =
    at === undefined || at === null
      ? -1
      : reviews.findIndex((review) => typeof review.submitted_at === 'string' && review.submitted_at > at);
  const entry = { ...delivered, state };
  return later < 0 ? [...reviews, entry] : [...reviews.slice(0, later), entry, ...reviews.slice(later)];
}
