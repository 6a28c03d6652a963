import type { ModeDecision } from './effective-mode.js';

/**
 * DESIGN §4: automated mode merges only into the branch the task was opened against. When the
 * task's pull request targets another base (`pullBase`, as GitHub has it now) than the task's
 * (`taskBase`: the marker's `base_branch`, else the default branch) — retargeted by someone,
 * whether or not its `pull_request.edited` delivery was ever handled — an `automated` decision is
 * turned to `guided` with the reason, as `guardAutomatedPullRequest` does on the edit. Other
 * decisions are returned as they are. The explanation is plain text (branch names as GitHub gives
 * them): whoever renders it escapes it (`renderModeDecision`, the PR body). Pure.
 */
export function guidedAfterRetarget(params: {
  decision: ModeDecision;
  pullNumber: number;
  pullBase: string;
  taskBase: string;
}): ModeDecision {
  const { decision, pullBase, taskBase } = params;
  if (decision.effective !== 'automated' || pullBase === taskBase) return decision;
  return {
    ...decision,
    effective: 'guided',
    explanation:
      `${decision.explanation} It runs guided, though: pull request #${params.pullNumber} now targets ${pullBase}, ` +
      `not ${taskBase}, the branch the task was opened against, so it needs an approving review and nothing is deployed on merge.`,
  };
}
