import { decideApproval, type ApprovalDecision } from '../core/review/decide-approval.js';
import { latestReviewVerdicts } from '../core/review/latest-review-verdicts.js';
import { withDeliveredReview, type IdentifiedReview } from '../core/review/with-delivered-review.js';
import { applyReviewPolicy, type PolicyVerdicts, type ReviewPolicy } from '../core/review/review-policy.js';
import type { RepositoryPermission } from '../core/deploy/repository-permission.js';
import { readPullRequestReviews, type PullRequestReviewsClient } from './read-pull-request-reviews.js';
import { repositoryPermissionLevel, type PermissionClient } from './repository-permission-level.js';

export type ReviewClient = PullRequestReviewsClient & PermissionClient;

/** The approval rule's answer, and the approvals a review policy set aside before it. */
export type ReviewApproval = ApprovalDecision & Pick<PolicyVerdicts, 'setAside'>;

/**
 * Whether a pull request is approved under the one approval rule (`decideApproval`): its reviews
 * (`readPullRequestReviews`, with the `delivered` review merged in, `withDeliveredReview`), then the repository permission of each reviewer with a standing
 * verdict (one call each, `GET /repos/{owner}/{repo}/collaborators/{username}/permission`). The
 * `policy` (`reviewPolicyFor`: the `review` config, the task's requester, the agent) is applied
 * first (`applyReviewPolicy`), the same for every consumer: the approval check, `/deploy`,
 * merge-when-green.
 *
 * A list longer than the reader's bound is read newest first, so every verdict read is its
 * reviewer's latest (a later dismissal or request for changes is never the part left unread). What
 * is unread is a reviewer whose every approval, request for changes or dismissal is older than the
 * newest 1,000 reviews: their standing request for changes may still block. The pull request is
 * then not approved (`tooManyReviews`), while what was read (approvals, requests for changes) is
 * reported as read. Nothing is thrown for a long list.
 */
export async function readReviewApproval(params: {
  client: ReviewClient;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  policy: ReviewPolicy;
  /** The review the delivery being handled carries (`pull_request_review`): counted even before the list shows it. */
  delivered?: IdentifiedReview | undefined;
}): Promise<ReviewApproval> {
  const { client, owner, repo } = params;
  const { reviews, truncated } = await readPullRequestReviews({
    client,
    owner,
    repo,
    pullNumber: params.pullNumber,
  });
  const { verdicts, setAside, unknownPushes, unnamedRequester } = applyReviewPolicy({
    verdicts: latestReviewVerdicts(
      withDeliveredReview({ reviews, delivered: params.delivered, headSha: params.headSha }),
    ),
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
  const decision = decideApproval({
    verdicts,
    permissions,
    headSha: params.headSha,
    unknownPushes,
    unnamedRequester,
  });
  if (!truncated) return { ...decision, setAside };
  return { ...decision, approved: false, tooManyReviews: true, setAside };
}
