/**
 * Why a task whose marker carries `trust_lost` (`TrustFacts`) runs guided, in plain text for the
 * status comment, the pull request and the outcome: who asked for it and who pushed to its branch
 * is unknown, so the agent neither merges nor deploys it unattended (`guardAutomatedPullRequest`,
 * `decideMergeWhenGreen`, `deploysOnMerge`) and no approval counts (`applyReviewPolicy`). It
 * clears only when a run makes the task's branch anew from the base (`RECREATED_BRANCH_RESETS`).
 */
export const TRUST_LOST_REASON =
  "the task's record of who asked for it and who pushed to its branch was lost (`trust_lost`: the tasks " +
  'mirror held a record that did not carry them, or more people pushed to the branch, or more pushes were made ' +
  'to it, than the record keeps), ' +
  'so implementation-agent cannot tell whose approval or ' +
  'push counts and neither merges nor deploys it unattended';
