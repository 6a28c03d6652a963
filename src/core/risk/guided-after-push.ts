import type { ModeDecision } from './effective-mode.js';

/**
 * DESIGN §5b: automated mode merges only code the agent validated. Once someone else pushed to the
 * task's branch (`unvalidatedPush`, the head the marker's `unvalidated_push` records), a re-run
 * builds its commit on that push (the branch head is its parent), so the person's files — never
 * validated nor risk-classified — stay in the pull request: the fallback to guided is sticky and an
 * `automated` decision is turned to `guided` with the reason. Other decisions are returned as they are.
 * The marker's `unvalidated_push` is not cleared while the branch lives (README, modes): the agent
 * never rewrites a person's commits, so every later commit of its own is built on the push; only a
 * branch made anew from the base drops it (`RECREATED_BRANCH_RESETS`).
 */
export function guidedAfterPush(params: {
  decision: ModeDecision;
  /** The 40-hex sha of the person's push; undefined when nobody else pushed. */
  unvalidatedPush: string | undefined;
}): ModeDecision {
  const { decision, unvalidatedPush } = params;
  if (decision.effective !== 'automated' || unvalidatedPush === undefined) return decision;
  return {
    ...decision,
    effective: 'guided',
    explanation:
      `${decision.explanation} It stays guided, though: the branch holds ${unvalidatedPush.slice(0, 7)}, ` +
      'pushed by someone other than implementation-agent and never validated, so it needs an approving review and nothing is deployed on merge.',
  };
}
