import { mention } from '../markdown/mention.js';
import type { ApprovalDecision } from './decide-approval.js';

/** Why a pull request may not be merged without a person: whose request for changes stands. */
export interface StandingChangesRequest {
  /** Reviewers with write access whose latest verdict asks for changes, as GitHub lists them. */
  readonly by: readonly string[];
  /** More reviews than are read (`tooManyReviews`): an older request for changes may stand unread. */
  readonly unread: boolean;
  /** One markdown sentence for the status comment and the logs: who asked, or why it is unknown. */
  readonly reason: string;
}

/**
 * The one rule every path that merges a task's pull request without a person checks first —
 * arming GitHub's auto-merge (a generation, a re-run, a re-arm once a request is lifted) and
 * merge-when-green (DESIGN §4, §5b): no counted request for changes stands. Counted as the approval
 * rule counts them (`decideApproval`): the latest verdict of each reviewer with write, maintain or
 * admin permission, on any commit, until that reviewer approves or the review is dismissed — as
 * GitHub's required reviews block a merge ("Require a pull request before merging",
 * docs.github.com, *About protected branches*). A list cut at the newest 1,000 reviews
 * (`tooManyReviews`) fails closed: a request older than those may still stand. Undefined when
 * nothing stands.
 */
export function standingChangesRequest(
  approval: Pick<ApprovalDecision, 'changesRequestedBy' | 'tooManyReviews'>,
): StandingChangesRequest | undefined {
  const by = approval.changesRequestedBy;
  const unread = approval.tooManyReviews === true;
  if (by.length === 0 && !unread) return undefined;
  const asked =
    by.length === 0 ? [] : [`${by.map(mention).join(', ')} asked for changes and that request still stands`];
  const cut = unread
    ? [
        'the pull request has more reviews than implementation-agent reads (the newest 1,000), so an older request for changes may still stand',
      ]
    : [];
  return { by, unread, reason: [...asked, ...cut].join('; ') };
}
