import type { TaskMarker } from './state-marker.js';

/**
 * The marker fields that describe pushes to the task's branch, dropped together when a run makes
 * the branch anew from the base branch (it had been deleted once its pull request was closed):
 * nothing anyone pushed before is under the new head. `human_pushers` (whose approvals the pusher
 * rule sets aside) and `unvalidated_push` (the person's head that kept the task guided, and that a
 * status would otherwise say the branch still carries), and `foreign_pushes` (who pushed what, or that
 * GitHub could not say), and `trust_lost` (those facts lost: the new head holds none of the pushes
 * they were about, and the run records who asked this time). `last_push` is not listed: the run that
 * makes the branch records its own commit there.
 */
export const RECREATED_BRANCH_RESETS = [
  'human_pushers',
  'unvalidated_push',
  'foreign_pushes',
  'trust_lost',
] as const;

export type RecreatedBranchReset = (typeof RECREATED_BRANCH_RESETS)[number];

/** `marker` as a branch made anew sees it: without `RECREATED_BRANCH_RESETS`. Pure. */
export function onRecreatedBranch<M extends Partial<Pick<TaskMarker, RecreatedBranchReset>>>(marker: M): M {
  const kept = { ...marker };
  for (const field of RECREATED_BRANCH_RESETS) delete kept[field];
  return kept;
}
