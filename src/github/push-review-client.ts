import type { PushReview } from '../core/review/push-review.js';
import { pushReviewMarker } from '../core/review/push-review.js';
import { httpStatusOf } from './http-status.js';
import { readPullRequestReviews, type PullRequestReviewsClient } from './read-pull-request-reviews.js';

/** Answers that mean "not allowed to dismiss this one": no permission, gone, or not dismissable. */
const REFUSALS: ReadonlySet<number> = new Set([403, 404, 422]);

export interface PushReviewClient extends PullRequestReviewsClient {
  pulls: PullRequestReviewsClient['pulls'] & {
    createReview(p: {
      owner: string;
      repo: string;
      pull_number: number;
      commit_id: string;
      event: 'COMMENT' | 'REQUEST_CHANGES';
      body: string;
      comments: { path: string; line: number; side: 'RIGHT'; body: string }[];
    }): Promise<{ data: { id: number } }>;
    dismissReview(p: {
      owner: string;
      repo: string;
      pull_number: number;
      review_id: number;
      message: string;
    }): Promise<unknown>;
  };
}

/** One of the agent's own push reviews, as GitHub lists it. */
export interface AgentPushReview {
  readonly id: number;
  readonly headSha: string | null;
  /** `CHANGES_REQUESTED`, `COMMENTED` or `DISMISSED`. */
  readonly state: string;
}

/**
 * The agent's own push reviews on the pull request: written by its login (GitHub records the
 * author; the text alone proves nothing) and carrying the push-review marker of the commit they
 * were posted on. One on the head means the head is reviewed, so a redelivered or repeated push
 * event posts one review, not two. Read with the one bounded reader (`readPullRequestReviews`):
 * a pull request flooded with reviews never stops manual mode's push review; past the newest
 * 1,000 reviews, `truncated` says the agent's older reviews (and any request for changes among
 * them, which a clean push would dismiss) were not read.
 */
export async function readAgentPushReviews(params: {
  client: PushReviewClient;
  owner: string;
  repo: string;
  pullNumber: number;
  agentLogin: string;
}): Promise<{ reviews: AgentPushReview[]; truncated: boolean }> {
  const { client, owner, repo, pullNumber } = params;
  const { reviews, truncated } = await readPullRequestReviews({ client, owner, repo, pullNumber });
  const own = reviews
    .filter(
      (review) =>
        review.user?.login.toLowerCase() === params.agentLogin.toLowerCase() &&
        review.commit_id !== null &&
        (review.body ?? '').includes(pushReviewMarker(review.commit_id)),
    )
    .map((review) => ({ id: review.id, headSha: review.commit_id, state: review.state }));
  return { reviews: own, truncated };
}

/**
 * Dismisses the agent's earlier `REQUEST_CHANGES` reviews once a push passes: GitHub keeps a
 * reviewer's request for changes standing (and blocking a protected branch that requires reviews)
 * until that reviewer approves or the review is dismissed (docs.github.com, *Dismiss a review for
 * a pull request*), and a later `COMMENT` does not lift it. A refusal (a branch that restricts who
 * may dismiss) is returned, not thrown: the clean review is posted either way.
 */
export async function dismissEarlierRequests(params: {
  client: PushReviewClient;
  owner: string;
  repo: string;
  pullNumber: number;
  reviews: readonly AgentPushReview[];
  headSha: string;
}): Promise<{ dismissed: number[]; refused: number[] }> {
  const dismissed: number[] = [];
  const refused: number[] = [];
  for (const review of params.reviews) {
    if (review.state !== 'CHANGES_REQUESTED') continue;
    try {
      await params.client.pulls.dismissReview({
        owner: params.owner,
        repo: params.repo,
        pull_number: params.pullNumber,
        review_id: review.id,
        message: `Every validation gate passes on ${params.headSha.slice(0, 7)}.`,
      });
      dismissed.push(review.id);
    } catch (error) {
      if (!REFUSALS.has(httpStatusOf(error) ?? 0)) throw error;
      refused.push(review.id);
    }
  }
  return { dismissed, refused };
}

/** Posts `review` on `headSha` as one pull request review (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`). */
export async function postPushReview(params: {
  client: PushReviewClient;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  review: PushReview;
}): Promise<number> {
  const { review } = params;
  const answer = await params.client.pulls.createReview({
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    commit_id: params.headSha,
    event: review.event,
    body: review.body,
    comments: review.comments.map((comment) => ({ ...comment })),
  });
  return answer.data.id;
}
