/**
 * A task id (`owner/repo#issue`, as `task_received` gives it) split into its repository and issue,
 * or `undefined` when it is not one: a deployment payload carries it as plain text.
 */
export function parseTaskId(
  taskId: string,
): { owner: string; repo: string; issueNumber: number } | undefined {
  const match = /^([^/\s#]+)\/([^/\s#]+)#([1-9]\d{0,9})$/.exec(taskId);
  if (!match) return undefined;
  const [, owner, repo, issue] = match;
  if (owner === undefined || repo === undefined || issue === undefined) return undefined;
  return { owner, repo, issueNumber: Number(issue) };
}
