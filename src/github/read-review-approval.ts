import { decideApproval, type ApprovalDecision } from '../core/review/decide-approval.js';
import { latestReviewVerdicts, type PullRequestReview } from '../core/review/latest-review-verdicts.js';
import { applyReviewPolicy, type PolicyVerdicts, type ReviewPolicy } from '../core/review/review-policy.js';
import type { RepositoryPermission } from '../core/deploy/repository-permission.js';
import { readPages } from './read-all-pages.js';
import { repositoryPermissionLevel, type PermissionClient } from './repository-permission-level.js';

export interface ReviewClient extends PermissionClient {
  pulls: {
    listReviews(p: {
      owner: string;
      repo: string;
      pull_number: number;
      per_page: number;
      page?: number;
    }): Promise<{ data: PullRequestReview[]; headers?: { link?: string | undefined } }>;
  };
}

/**
 * Reviews are listed oldest first, 100 a page; at most this many pages are read. Anyone who can
 * review can post reviews, so a list longer than 2,000 is not an error (it would stop the approval
 * sync, `/deploy` and merge-when-green): the rule decides on what was read, failing closed.
 */
export const MAX_REVIEW_PAGES = 20;

/** The approval rule's answer, and the approvals a review policy set aside before it. */
export type ReviewApproval = ApprovalDecision & Pick<PolicyVerdicts, 'setAside'>;

/**
 * Whether a pull request is approved under the one approval rule (`decideApproval`): every page of
 * its reviews, then the repository permission of each reviewer with a standing verdict (one call
 * each, `GET /repos/{owner}/{repo}/collaborators/{username}/permission`). The `policy`
 * (`reviewPolicyFor`: the `review` config, the task's requester, the agent) is applied first
 * (`applyReviewPolicy`), the same for every consumer: the approval check, `/deploy`,
 * merge-when-green.
 *
 * Past {@link MAX_REVIEW_PAGES} pages the newer reviews are unread: the pull request is then not
 * approved (`tooManyReviews`; an unread review may withdraw or request changes), while the
 * requests for changes that were read still stand. Nothing is thrown for a long list.
 */
export async function readReviewApproval(params: {
  client: ReviewClient;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  policy: ReviewPolicy;
}): Promise<ReviewApproval> {
  const { client, owner, repo } = params;
  const { items: reviews, complete } = await readPages({
    maxPages: MAX_REVIEW_PAGES,
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
  const { verdicts, setAside } = applyReviewPolicy({
    verdicts: latestReviewVerdicts(reviews),
    policy: params.policy,
    headSha: params.headSha,
  });
  const permissions = new Map<string, RepositoryPermission>();
  for (const { login } of verdicts) {
    permissions.set(
      login.toLowerCase(),
      await repositoryPermissionLevel({ client, owner, repo, username: login }),
    );
  }
  const decision = decideApproval({ verdicts, permissions, headSha: params.headSha });
  if (complete) return { ...decision, setAside };
  return { ...decision, approved: false, approvedBy: [], tooManyReviews: true, setAside };
}
