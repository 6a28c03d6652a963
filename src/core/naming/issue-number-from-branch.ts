/** `implementation/<issue>-<slug>`, as `branchNameFor` writes it. */
const TASK_BRANCH = /^implementation\/([1-9][0-9]{0,9})-/;

/**
 * The issue a task branch names (`implementation/12-orders-api` → 12), or `undefined` for any
 * other branch. A claim only: anyone can name a branch so; the task's own marker must name the pull
 * request before it counts.
 */
export function issueNumberFromBranch(ref: string): number | undefined {
  const match = TASK_BRANCH.exec(ref);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
