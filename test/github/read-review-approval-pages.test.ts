import { approvalCheckView } from '../../src/core/review/approval-check-view.js';
import type { ListedReview } from '../../src/github/read-pull-request-reviews.js';
import { readReviewApproval, type ReviewClient } from '../../src/github/read-review-approval.js';

const HEAD = 'c'.repeat(40);
const OLD_HEAD = 'b'.repeat(40);
const POLICY = {
  requester: 'req',
  allowSelfApproval: false,
  agentLogin: 'implementation-agent[bot]',
  reapproveOnPush: true,
  lastPush: undefined,
  allowPusherApproval: false,
};
const API = 'https://api.github.com/repos/o/r/pulls/1/reviews';

/**
 * `pages` pages of 100 comment reviews with GitHub's `Link` header (`next` and `last` before the
 * last page); `put` places reviews at `[page, index]`. Records the pages read, in order.
 */
function pagedClient(pages: number, put: ReadonlyArray<[page: number, index: number, ListedReview]> = []) {
  const read: number[] = [];
  const client: ReviewClient = {
    pulls: {
      listReviews: async ({ page = 1 }) => {
        read.push(page);
        const items: ListedReview[] = Array.from({ length: 100 }, (_, i) => ({
          id: (page - 1) * 100 + i + 1,
          user: { login: 'spammer' },
          state: 'COMMENTED',
          commit_id: HEAD,
        }));
        for (const [p, index, review] of put) if (p === page) items[index] = review;
        const link =
          page < pages
            ? `<${API}?per_page=100&page=${page + 1}>; rel="next", <${API}?page=${pages}>; rel="last"`
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

const verdict = (login: string, state: string, commit_id = HEAD): ListedReview => ({
  id: 0,
  user: { login },
  state,
  commit_id,
});
const decide = (client: ReviewClient) =>
  readReviewApproval({ client, owner: 'o', repo: 'r', pullNumber: 1, headSha: HEAD, policy: POLICY });

// Review #9: anyone who can review can post thousands of reviews. The reviews are read newest first
// (`readPullRequestReviews`: the first page, then the newest 1,000), so a reviewer's latest verdict
// is read whenever it is among the newest 1,000: a later dismissal or request for changes is never
// the part left unread. What can be unread is a reviewer all of whose verdicts are older: a standing
// request for changes among them would block, so a longer list is never approved.
describe('readReviewApproval over a long list of reviews', () => {
  it('up to 11 pages reads every review: an approval on the first page counts', async () => {
    const { client, read } = pagedClient(11, [[1, 0, verdict('ann', 'APPROVED')]]);

    const decision = await decide(client);

    expect(read).toEqual([1, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(decision).toMatchObject({ approved: true, approvedBy: ['ann'] });
    expect(decision.tooManyReviews).toBeUndefined();
  });

  it('25 pages: does not throw, reads the newest 1,000 and fails closed, saying whose approval it read', async () => {
    const { client, read } = pagedClient(25, [[25, 99, verdict('ann', 'APPROVED')]]);

    const decision = await decide(client);

    expect(read).toEqual([1, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(decision).toMatchObject({ approved: false, approvedBy: ['ann'], tooManyReviews: true });
    expect(approvalCheckView({ decision, setAside: decision.setAside, headSha: HEAD })).toMatchObject({
      status: 'in_progress',
      summary: expect.stringContaining(
        'more reviews than implementation-agent reads (the newest 1,000): a request for changes older than those may still stand, so it cannot be approved here (@ann approved `ccccccc`)',
      ),
    });
  });

  it('a later request for changes is read even when the approval before it is not', async () => {
    const { client } = pagedClient(25, [
      [1, 0, verdict('ann', 'APPROVED')],
      [20, 0, verdict('ann', 'CHANGES_REQUESTED', OLD_HEAD)],
    ]);

    expect(await decide(client)).toMatchObject({ approvedBy: [], changesRequestedBy: ['ann'] });
  });

  it('a later dismissal is read: the approval it withdrew is nobody’s verdict', async () => {
    const { client } = pagedClient(25, [
      [16, 0, verdict('ann', 'APPROVED')],
      [24, 0, verdict('ann', 'DISMISSED')],
    ]);

    expect(await decide(client)).toMatchObject({ approvedBy: [], changesRequestedBy: [], stale: [] });
  });

  it('a reviewer whose latest verdict is read is judged by it, whatever older ones say', async () => {
    const { client } = pagedClient(25, [
      [2, 0, verdict('bob', 'CHANGES_REQUESTED')],
      [22, 0, verdict('bob', 'APPROVED')],
    ]);

    expect(await decide(client)).toMatchObject({
      approved: false,
      approvedBy: ['bob'],
      changesRequestedBy: [],
      tooManyReviews: true,
    });
  });

  it('a request for changes among the newest stands', async () => {
    const { client } = pagedClient(25, [
      [17, 0, verdict('bob', 'CHANGES_REQUESTED')],
      [25, 0, verdict('ann', 'APPROVED')],
    ]);

    expect(await decide(client)).toMatchObject({ approved: false, changesRequestedBy: ['bob'] });
  });
});
