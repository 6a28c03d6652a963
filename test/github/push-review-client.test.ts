import { pushReviewMarker } from '../../src/core/review/push-review.js';
import { readAgentPushReviews, type PushReviewClient } from '../../src/github/push-review-client.js';

const AGENT = 'implementation-agent[bot]';
const OLD_HEAD = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const API = 'https://api.github.com/repos/o/r/pulls/2/reviews';

/** `pages` pages of 100 spam reviews with GitHub's Link header; the agent's reviews on the first and last page. */
function flooded(pages: number) {
  const asked: number[] = [];
  const client: PushReviewClient = {
    pulls: {
      createReview: () => Promise.reject(new Error('not called')),
      dismissReview: () => Promise.reject(new Error('not called')),
      listReviews: async ({ page = 1 }) => {
        asked.push(page);
        const data = Array.from({ length: 100 }, (_, i) => ({
          id: (page - 1) * 100 + i + 1,
          user: { login: 'spammer' },
          state: 'COMMENTED',
          commit_id: HEAD,
          body: 'spam',
        }));
        if (page === 1)
          data[0] = {
            id: 1,
            user: { login: AGENT },
            state: 'CHANGES_REQUESTED',
            commit_id: OLD_HEAD,
            body: pushReviewMarker(OLD_HEAD),
          };
        if (page === pages)
          data[99] = {
            id: pages * 100,
            user: { login: AGENT },
            state: 'COMMENTED',
            commit_id: HEAD,
            body: pushReviewMarker(HEAD),
          };
        const link =
          page < pages
            ? `<${API}?per_page=100&page=${page + 1}>; rel="next", <${API}?per_page=100&page=${pages}>; rel="last"`
            : undefined;
        return { data, headers: { link } };
      },
    },
  };
  return { client, asked };
}

// Review #9: manual mode's push review read every page and threw past 20 (readAllPages): one
// attacker flooding the pull request with reviews stopped every push review on it.
describe('readAgentPushReviews', () => {
  it('does not throw on 25 pages: finds the agent’s review of the head among the newest, and says older ones were unread', async () => {
    const { client, asked } = flooded(25);

    const read = await readAgentPushReviews({
      client,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      agentLogin: AGENT,
    });

    expect(asked).toHaveLength(11);
    expect(read).toEqual({ reviews: [{ id: 2500, headSha: HEAD, state: 'COMMENTED' }], truncated: true });
  });

  it('reads them all when the list is short enough', async () => {
    const { client } = flooded(3);

    const read = await readAgentPushReviews({
      client,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      agentLogin: AGENT,
    });

    expect(read).toEqual({
      reviews: [
        { id: 1, headSha: OLD_HEAD, state: 'CHANGES_REQUESTED' },
        { id: 300, headSha: HEAD, state: 'COMMENTED' },
      ],
      truncated: false,
    });
  });
});
