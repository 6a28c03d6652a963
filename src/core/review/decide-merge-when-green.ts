import type { ChecksVerdict } from '../checks/combine-checks.js';
import { validationRefusal } from '../checks/validation-refusal.js';
import type { TaskMarker } from '../state/state-marker.js';
import type { ApprovalDecision } from './decide-approval.js';
import { standingChangesRequest } from './standing-changes-request.js';
import { unvalidatedHead } from './unvalidated-head.js';
import { TRUST_LOST_REASON } from '../task/trust-lost-reason.js';

/** Merge `sha` (the head that was judged), or why not (plain text, for the log and outcome). */
export type MergeWhenGreenDecision =
  { readonly merge: true; readonly sha: string } | { readonly merge: false; readonly reason: string };

/**
 * Automated mode's fallback when the repository does not allow auto-merge (DESIGN §4, issue #9
 * items 4 and 10): the agent merges its own pull request when the task runs automated with low
 * risk (`effective_mode`, `risk_level` on the marker) and its trust facts were not lost
 * (`trust_lost`: `TRUST_LOST_REASON`), the pull request is open, not a draft and
 * still at `sha` (the head whose checks finished), `sha` is the newest commit the task recorded as
 * the agent's (`unvalidatedHead` over the marker's `last_push`: an earlier commit of its own, the
 * branch force-pushed back to it, carries a passing check too but undoes what the task moved past;
 * DESIGN §5b), and still targets the base the task opened it
 * against (`targetBase`), no counted request for changes stands (`standingChangesRequest`), the
 * agent's own validation check passed on that very head (`checks.validation`: a head someone else
 * pushed was never validated), and the repository's CI on that head — check runs and commit
 * statuses, the agent's own excluded (`combineChecks`) — is all green. No CI at all (`none`) is
 * not green: nothing was checked.
 */
export function decideMergeWhenGreen(params: {
  marker: Pick<
    TaskMarker,
    | 'effective_mode'
    | 'risk_level'
    | 'last_push'
    | 'unvalidated_push'
    | 'last_outcome'
    | 'unsent_artifacts'
    | 'trust_lost'
  >;
  pull: {
    readonly open: boolean;
    readonly draft: boolean;
    readonly headSha: string;
    /** The branch the pull request merges into now (`base.ref`). */
    readonly baseRef: string;
  };
  /** The branch the task opened its pull request against (the marker's `base_branch`). */
  targetBase: string;
  /** The head the finished check suite or status was reported for. */
  sha: string;
  checks: ChecksVerdict;
  approval: Pick<ApprovalDecision, 'changesRequestedBy' | 'tooManyReviews'>;
}): MergeWhenGreenDecision {
  const { marker, pull, checks } = params;
  if (marker.effective_mode !== 'automated') {
    return {
      merge: false,
      reason: `the task runs ${marker.effective_mode ?? 'without a recorded mode'}, not automated`,
    };
  }
  if (marker.risk_level === 'high') return { merge: false, reason: 'the change was judged high risk' };
  if (marker.trust_lost === true) return { merge: false, reason: TRUST_LOST_REASON };
  if (!pull.open) return { merge: false, reason: 'the pull request is not open' };
  if (pull.draft) return { merge: false, reason: 'the pull request is a draft' };
  // Someone may retarget the pull request to another base: the agent merges only where it was asked to.
  if (pull.baseRef !== params.targetBase) {
    return {
      merge: false,
      reason: `the pull request now targets ${pull.baseRef}, not ${params.targetBase}, the branch the task was opened against`,
    };
  }
  if (pull.headSha !== params.sha) {
    return { merge: false, reason: `the head moved to ${pull.headSha.slice(0, 7)}; its own checks decide` };
  }
  // Only the task's newest recorded commit of the agent's: any other head, even an earlier commit
  // the agent validated once, is not merged unattended.
  const unseen = unvalidatedHead({ marker, head: params.sha });
  if (unseen !== undefined) {
    return {
      merge: false,
      reason: `the head ${params.sha.slice(0, 7)} is not the newest commit implementation-agent recorded and validated for this task`,
    };
  }
  // The one rule every unattended merge checks: no counted request for changes stands.
  const standing = standingChangesRequest(params.approval);
  if (standing !== undefined) return { merge: false, reason: standing.reason };
  // The agent merges only code it validated: its own check on this very head. A person's push to
  // an automated task's branch gets none (nothing re-runs the gates there), and a failing or
  // running one is not a pass, however green the repository's CI is.
  const unvalidated = validationRefusal(checks.validation, params.sha);
  if (unvalidated !== undefined) return { merge: false, reason: unvalidated };
  if (checks.state !== 'success') {
    const names = checks.state === 'failure' ? checks.failing : checks.pending;
    return {
      merge: false,
      reason:
        checks.state === 'none'
          ? 'no check or status reported on the head'
          : `checks are ${checks.state === 'failure' ? 'failing' : 'still running'}: ${names.join(', ')}`,
    };
  }
  return { merge: true, sha: params.sha };
}
