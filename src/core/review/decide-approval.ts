import { canChange, type RepositoryPermission } from '../deploy/repository-permission.js';
import type { ReviewVerdict } from './latest-review-verdicts.js';

export interface ApprovalDecision {
  /**
   * Enough counted approvals of the head (`approvalsNeeded`: one, or two different writers' while
   * a push's pusher is unknown) and no counted request for changes.
   */
  readonly approved: boolean;
  /** Reviewers with write access who approved the current head. */
  readonly approvedBy: readonly string[];
  /** Reviewers with write access whose latest verdict asks for changes (on any commit). */
  readonly changesRequestedBy: readonly string[];
  /** Approvals of the head that do not count, because the reviewer cannot change the repository. */
  readonly withoutWriteAccess: readonly { login: string; permission: RepositoryPermission }[];
  /** Approvals from reviewers with write access, of an older head: new commits need a new look. */
  readonly stale: readonly string[];
  /**
   * More reviews than are read (the newest 1,000, `readPullRequestReviews`): not approved, whatever
   * was read says, since an older reviewer's request for changes may still stand among the rest.
   */
  readonly tooManyReviews?: true;
  /**
   * Pushes at or under the head whose pusher nobody can name (`applyReviewPolicy`): approvals of
   * two different writers are needed, however many such pushes there are. Absent: none.
   */
  readonly unknownPushes?: readonly string[];
  /**
   * The requester, when a bot's login names no person (`applyReviewPolicy`): approvals of two
   * different writers are needed too. Absent: the requester is a person, or self-approval is allowed.
   */
  readonly unnamedRequester?: string;
}

/**
 * The one approval rule (DESIGN §4, §5b): a pull request is approved when a reviewer with write,
 * maintain or admin permission approved its current head as their latest verdict, and no reviewer
 * with that permission has a standing request for changes — as GitHub's required reviews count them
 * ("Approvals from users with write access", docs.github.com, *About protected branches*).
 * `permissions` holds every reviewer in `verdicts`; a missing one counts as `none`.
 *
 * When pushes at or under the head have a pusher nobody can name (`unknownPushes`, from
 * `applyReviewPolicy`), whoever pushed one may be an approver, and the pusher rule cannot set their
 * approval aside: approvals of the head from two different writers are needed (`approvalsNeeded`).
 * Two suffice for any number of such pushes: each push has one pusher, so for every push at least
 * one of two different approvers is not its pusher, and every push is approved by someone other
 * than whoever made it. A named pusher's own approval is set aside before this
 * (`applyReviewPolicy`), so it is never one of the two. A bot requester (`unnamedRequester`) is
 * judged the same way: whoever had the bot ask is one writer, so two different writers must approve.
 */
export function decideApproval(params: {
  verdicts: readonly ReviewVerdict[];
  permissions: ReadonlyMap<string, RepositoryPermission>;
  headSha: string;
  unknownPushes?: readonly string[];
  unnamedRequester?: string | undefined;
}): ApprovalDecision {
  const permissionOf = (login: string) => params.permissions.get(login.toLowerCase()) ?? 'none';
  const counted = params.verdicts.filter((verdict) => canChange(permissionOf(verdict.login)));
  const onHead = (verdict: ReviewVerdict) => verdict.commitId?.toLowerCase() === params.headSha.toLowerCase();
  const approvedBy = counted.filter((v) => v.state === 'APPROVED' && onHead(v)).map((v) => v.login);
  const changesRequestedBy = counted.filter((v) => v.state === 'CHANGES_REQUESTED').map((v) => v.login);
  const unknownPushes = params.unknownPushes ?? [];
  const { unnamedRequester } = params;
  return {
    approved:
      approvedBy.length >= approvalsNeeded({ unknownPushes, unnamedRequester }) &&
      changesRequestedBy.length === 0,
    approvedBy,
    changesRequestedBy,
    withoutWriteAccess: params.verdicts
      .filter((v) => v.state === 'APPROVED' && onHead(v) && !canChange(permissionOf(v.login)))
      .map((v) => ({ login: v.login, permission: permissionOf(v.login) })),
    stale: counted.filter((v) => v.state === 'APPROVED' && !onHead(v)).map((v) => v.login),
    ...(unknownPushes.length === 0 ? {} : { unknownPushes }),
    ...(unnamedRequester === undefined ? {} : { unnamedRequester }),
  };
}

/**
 * How many different writers must approve the head: one, or two while any push at or under it has
 * a pusher nobody can name or the requester is a bot (`decideApproval` says why two suffice
 * however many there are).
 */
export function approvalsNeeded(decision: {
  readonly unknownPushes?: readonly string[] | undefined;
  readonly unnamedRequester?: string | undefined;
}): 1 | 2 {
  return (decision.unknownPushes?.length ?? 0) === 0 && decision.unnamedRequester === undefined ? 1 : 2;
}

/** The rule's answer before anyone has reviewed. */
export const NO_REVIEWS: ApprovalDecision = {
  approved: false,
  approvedBy: [],
  changesRequestedBy: [],
  withoutWriteAccess: [],
  stale: [],
};
