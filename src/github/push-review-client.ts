import type { PushReview } from '../core/review/push-review.js';
import { pushReviewMarker } from '../core/review/push-review.js';
import { readAllPages } from './read-all-pages.js';

export interface PushReviewClient {
  pulls: {
    listReviews(p: {
      owner: string;
      repo: string;
      pull_number: number;
      per_page: number;
      page?: number;
    }): Promise<{
      data: { user: { login: string } | null; commit_id: string | null; body?: string | null }[];
      headers?: { link?: string | undefined };
    }>;
    createReview(p: {
      owner: string;
      repo: string;
      pull_number: number;
      commit_id: string;
      event: 'COMMENT' | 'REQUEST_CHANGES';
      body: string;
      comments: { path: string; line: number; side: 'RIGHT'; body: string }[];
    }): Promise<{ data: { id: number } }>;
  };
}

/**
 * Whether the agent already reviewed `headSha` of the pull request: a review written by its own
 * login (GitHub records the author; the text alone proves nothing) on that commit, carrying the
 * push-review marker. Makes a redelivered or repeated push event post one review, not two.
 */
export async function hasPushReview(params: {
  client: PushReviewClient;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  agentLogin: string;
}): Promise<boolean> {
  const { client, owner, repo } = params;
  const reviews = await readAllPages({
    what: `reviews of #${params.pullNumber}`,
    maxPages: 20,
    fetchPage: async ({ page }) => {
      const answer = await client.pulls.listReviews({
        owner,
        repo,
        pull_number: params.pullNumber,
        per_page: 100,
        ...(page === undefined ? {} : { page }),
      });
      return { items: answer.data, link: answer.headers?.link };
    },
  });
  const marker = pushReviewMarker(params.headSha);
  return reviews.some(
    (review) =>
      review.user?.login.toLowerCase() === params.agentLogin.toLowerCase() &&
      review.commit_id === params.headSha &&
      (review.body ?? '').includes(marker),
  );
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
