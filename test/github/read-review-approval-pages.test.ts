import { approvalCheckView } from '../../src/core/review/approval-check-view.js';
import type { PullRequestReview } from '../../src/core/review/latest-review-verdicts.js';
import {
  MAX_REVIEW_PAGES,
  readReviewApproval,
  type ReviewClient,
} from '../../src/github/read-review-approval.js';

const HEAD = 'c'.repeat(40);
const POLICY = {
  requester: 'req',
  allowSelfApproval: false,
  agentLogin: 'implementation-agent[bot]',
  reapproveOnPush: true,
  lastPush: undefined,
  allowPusherApproval: false,
};

/** `pages` pages of 100 reviews, linked by `rel="next"`; `first` and `last` head the first and last page. */
function pagedClient(params: { pages: number; first?: PullRequestReview; last?: PullRequestReview }) {
  const read: number[] = [];
  const spam = (n: number): PullRequestReview[] =>
    Array.from({ length: n }, () => ({ user: { login: 'spammer' }, state: 'COMMENTED', commit_id: HEAD }));
  const client: ReviewClient = {
    pulls: {
      listReviews: async ({ page = 1 }) => {
        read.push(page);
        const items = spam(100);
        if (page === 1 && params.first) items[0] = params.first;
        if (page === params.pages && params.last) items[99] = params.last;
        const link =
          page < params.pages
            ? `<https://api.github.com/repos/o/r/pulls/1/reviews?per_page=100&page=${page + 1}>; rel="next"`
            : undefined;
        return { data: items, headers: { link } };
      },
    },
    repos: {
      getCollaboratorPermissionLevel: async () => ({ data: { permission: 'write', role_name: 'write' } }),
    },
  };
  return { client, read };
}

const approve = (login: string): PullRequestReview => ({
  user: { login },
  state: 'APPROVED',
  commit_id: HEAD,
});
const decide = (client: ReviewClient) =>
  readReviewApproval({ client, owner: 'o', repo: 'r', pullNumber: 1, headSha: HEAD, policy: POLICY });

// Review #9: anyone who can review can post 2,000 reviews; the approval sync, /deploy and
// merge-when-green threw on such a pull request.
describe('readReviewApproval past the page bound', () => {
  it('reads every page up to the bound and decides on them', async () => {
    const { client, read } = pagedClient({ pages: MAX_REVIEW_PAGES, last: approve('ann') });
    const decision = await decide(client);
    expect(read).toHaveLength(MAX_REVIEW_PAGES);
    expect(decision).toMatchObject({ approved: true, approvedBy: ['ann'] });
    expect(decision.tooManyReviews).toBeUndefined();
  });

  it('past it does not throw, and fails closed: an approval among the pages read does not count', async () => {
    const { client, read } = pagedClient({ pages: MAX_REVIEW_PAGES + 5, first: approve('ann') });
    const decision = await decide(client);
    expect(read).toHaveLength(MAX_REVIEW_PAGES);
    expect(decision).toMatchObject({ approved: false, approvedBy: [], tooManyReviews: true });
    expect(approvalCheckView({ decision, setAside: decision.setAside, headSha: HEAD })).toMatchObject({
      status: 'in_progress',
      summary: expect.stringContaining('more reviews than implementation-agent reads'),
    });
  });

  it('past it, a request for changes that was read still stands', async () => {
    const { client } = pagedClient({
      pages: MAX_REVIEW_PAGES + 1,
      first: { user: { login: 'bob' }, state: 'CHANGES_REQUESTED', commit_id: HEAD },
    });
    expect(await decide(client)).toMatchObject({ approved: false, changesRequestedBy: ['bob'] });
  });
});
