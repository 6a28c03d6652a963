import { decideApproval, type ApprovalDecision } from '../core/review/decide-approval.js';
import { latestReviewVerdicts, type PullRequestReview } from '../core/review/latest-review-verdicts.js';
import { applyReviewPolicy, type PolicyVerdicts, type ReviewPolicy } from '../core/review/review-policy.js';
import type { RepositoryPermission } from '../core/deploy/repository-permission.js';
import { readAllPages } from './read-all-pages.js';
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

/** Reviews are listed oldest first, 100 a page; a pull request with more than 2,000 is not decided on. */
const MAX_PAGES = 20;

/** The approval rule's answer, and the approvals a review policy set aside before it. */
export type ReviewApproval = ApprovalDecision & Pick<PolicyVerdicts, 'setAside'>;

/**
 * Whether a pull request is approved under the one approval rule (`decideApproval`): every page of
 * its reviews, then the repository permission of each reviewer with a standing verdict (one call
 * each, `GET /repos/{owner}/{repo}/collaborators/{username}/permission`). The `policy`
 * (`reviewPolicyFor`: the `review` config, the task's requester, the agent) is applied first
 * (`applyReviewPolicy`), the same for every consumer: the approval check, `/deploy`,
 * merge-when-green.
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
  const reviews = await readAllPages({
    what: `reviews of #${params.pullNumber}`,
    maxPages: MAX_PAGES,
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
  return { ...decideApproval({ verdicts, permissions, headSha: params.headSha }), setAside };
}
