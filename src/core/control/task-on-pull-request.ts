/**
 * For a command given on a pull request: why the task's marker does not make it that pull
 * request's task (the branch `implementation/<issue>-…` is only a claim, DESIGN §5b), or
 * `undefined` when it does, or when the command was given on the issue (`pullNumber` undefined).
 */
export function taskOnPullRequest(params: {
  marker: { readonly pull_number?: number | undefined } | undefined;
  issueNumber: number;
  pullNumber: number | undefined;
}): string | undefined {
  const { marker, pullNumber } = params;
  if (pullNumber === undefined || marker?.pull_number === pullNumber) return undefined;
  return `the task on issue #${params.issueNumber} does not name pull request #${pullNumber} as its own; give the command on the issue.`;
}
