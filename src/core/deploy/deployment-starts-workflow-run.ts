/** The identity a workflow's `GITHUB_TOKEN` acts as. */
export const GITHUB_TOKEN_LOGIN = 'github-actions[bot]';

/**
 * Whether a deployment made by `creatorLogin` starts the `on: deployment` workflow run that carries
 * it out. GitHub starts no workflow run for events made with a workflow's `GITHUB_TOKEN` (which acts
 * as `github-actions[bot]`), `workflow_dispatch` and `repository_dispatch` excepted ("Triggering a
 * workflow from a workflow", GitHub Actions docs). The creator is GitHub's own record of who made the
 * deployment, read from its answer; an unknown creator is assumed able to start a run.
 */
export function deploymentStartsWorkflowRun(creatorLogin: string | undefined): boolean {
  return creatorLogin !== GITHUB_TOKEN_LOGIN;
}
