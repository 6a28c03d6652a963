/** A pull request review as `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews` lists it. */
export interface ListedReview {
  readonly id: number;
  /** `type` is `User`, `Bot` or `Organization`; older fixtures may leave it out. */
  readonly user: { readonly login: string; readonly type?: string; readonly id?: number } | null;
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED` or `PENDING`. */
  readonly state: string;
  /** The head the review was written against; null for some old reviews. */
  readonly commit_id: string | null;
  readonly body?: string | null;
  /** ISO 8601; absent on a pending review. */
  readonly submitted_at?: string;
}

export interface PullRequestReviewsClient {
  pulls: {
    listReviews(p: {
      owner: string;
      repo: string;
      pull_number: number;
      per_page: number;
      page?: number;
    }): Promise<{ data: ListedReview[]; headers?: { link?: string | undefined } }>;
  };
}

/** The reviews read, oldest first, and whether older ones were left unread. */
export interface PullRequestReviews {
  /** The whole list, or, when `truncated`, its newest part: every review after the first one read. */
  readonly reviews: ListedReview[];
  /** GitHub lists more reviews than `MAX_REVIEW_PAGES` pages: the oldest ones were not read. */
  readonly truncated: boolean;
}

/** Reviews a page: the most GitHub's list endpoints give. */
const PER_PAGE = 100;
/**
 * Pages read after the first: the newest 1,000 reviews. Anyone who can review (on a public
 * repository, anyone) can post reviews, so the list is bounded; a real review never comes near it.
 */
export const MAX_REVIEW_PAGES = 10;

/**
 * The reviews of a pull request, read so that a long list never throws and never hides the newest:
 * GitHub lists reviews oldest first, 100 a page at most, with no `since` or sort (docs.github.com,
 * *List reviews for a pull request*), and names the last page in the first page's
 * `Link: <…page=N>; rel="last"` (*Using pagination in the REST API*). So the first page is read,
 * then pages N, N-1, … backwards, at most `MAX_REVIEW_PAGES` of them (1 + 10 calls at most).
 *
 * When the list is longer, `reviews` is its newest contiguous part (the first page left out unless
 * it adjoins it) and `truncated` is true: each reviewer's last listed review is read whenever it is
 * among the newest 1,000, and everything unread is listed before everything read (in GitHub's
 * order; callers treat what is unread as unknown, never as absent).
 * A `Link` with a next page but no last one (GitHub sends both) proves no newest part:
 * `{ reviews: [], truncated: true }`. Throws only what Octokit throws.
 */
export async function readPullRequestReviews(params: {
  client: PullRequestReviewsClient;
  owner: string;
  repo: string;
  pullNumber: number;
}): Promise<PullRequestReviews> {
  const { client, owner, repo } = params;
  const pageOf = async (page: number | undefined) =>
    client.pulls.listReviews({
      owner,
      repo,
      pull_number: params.pullNumber,
      per_page: PER_PAGE,
      ...(page === undefined ? {} : { page }),
    });
  const first = await pageOf(undefined);
  const { hasNext, last } = linksOf(first.headers?.link);
  if (!hasNext) return { reviews: [...first.data], truncated: false };
  if (last === undefined) return { reviews: [], truncated: true };
  const oldest = Math.max(2, last - MAX_REVIEW_PAGES + 1);
  const newest: ListedReview[][] = [];
  for (let page = last; page >= oldest; page--) newest.unshift((await pageOf(page)).data);
  const truncated = oldest > 2;
  return { reviews: [...(truncated ? [] : first.data), ...newest.flat()], truncated };
}

/** Whether a `Link` header names a next page, and the page number of its `rel="last"` target. */
function linksOf(link: string | undefined): { hasNext: boolean; last?: number } {
  let hasNext = false;
  let last: number | undefined;
  for (const part of link?.split(',') ?? []) {
    const match = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
    if (match?.[2] === 'next') hasNext = true;
    if (match?.[2] !== 'last' || match[1] === undefined) continue;
    const page = Number(new URL(match[1], 'https://api.github.com').searchParams.get('page'));
    if (Number.isSafeInteger(page) && page > 1) last = page;
  }
  return last === undefined ? { hasNext } : { hasNext, last };
}
