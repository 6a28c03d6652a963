import type { ExecutionMode } from '../request/execution-request.js';
import { effectiveMode, type ModeDecision } from './effective-mode.js';
import { guidedAfterPush } from './guided-after-push.js';
import type { RiskAssessment } from './risk-assessment.js';
import { TRUST_LOST_REASON } from '../task/trust-lost-reason.js';

/** What the task's marker recorded before the commit, about the branch the commit is built on. */
export interface BranchStanding {
  /** `risk_level` as recorded: `high` when any earlier commit on the branch was judged so. */
  readonly riskLevel?: 'low' | 'high' | undefined;
  /** `unvalidated_push`: the head someone other than the agent pushed (40 hex), if any. */
  readonly unvalidatedPush?: string | undefined;
  /**
   * The task had already fallen back to guided for another reason (a person's push, a new base):
   * set by a commit on a task that no longer ran automated although automated or hybrid was asked.
   */
  readonly fellBack?: boolean;
  /** The marker's `trust_lost`: who asked and who pushed is unknown (`TRUST_LOST_REASON`). */
  readonly trustLost?: boolean;
}

/** The mode decision after the commit and the `risk_level` to record for the branch. */
export interface ModeAfterCommit {
  readonly decision: ModeDecision;
  readonly riskLevel: 'low' | 'high';
}

/**
 * DESIGN §4, §5b: a commit the agent pushes on a task's branch (a generation, a re-run, review
 * feedback applied) is judged again: `risk` is the classifier over the files the commit wrote,
 * under the same `effectiveMode` rules as the first generation. A commit adds to a branch, so the
 * branch's risk is the union of what each commit was judged: once `high` it stays `high` (the
 * files judged then may still be in the branch — a commit that rewrites them is not trusted to
 * have removed every reason, nor re-read), and a task that fell back to guided never returns to
 * automated through a later commit: a reviewer was told it needs their approval, and that is not
 * withdrawn behind their back. A person's push on the branch keeps it guided (`guidedAfterPush`),
 * and so does a lost record of who asked and pushed (`trustLost`).
 * Pure.
 */
export function modeAfterCommit(params: {
  requested: ExecutionMode;
  risk: RiskAssessment;
  before: BranchStanding;
}): ModeAfterCommit {
  const { requested, risk, before } = params;
  const carried = before.riskLevel === 'high' && risk.level === 'low';
  const fresh = effectiveMode({ requested, risk });
  const why = carried
    ? 'an earlier commit on this branch was judged high risk, and the files judged then may still be in it'
    : before.trustLost === true
      ? TRUST_LOST_REASON
      : before.fellBack === true
        ? 'it fell back to guided earlier'
        : undefined;
  const decision: ModeDecision =
    why !== undefined && fresh.effective === 'automated'
      ? {
          ...fresh,
          effective: 'guided',
          explanation: `${fresh.explanation} It stays guided, though: ${why}; a later commit never turns automated mode back on, so it needs an approving review and nothing is deployed on merge.`,
        }
      : fresh;
  return {
    decision: guidedAfterPush({ decision, unvalidatedPush: before.unvalidatedPush }),
    riskLevel: carried ? 'high' : risk.level,
  };
}
