/** The check implementation-agent writes on a pull request head with its validation results. */
export const VALIDATION_CHECK_NAME = 'implementation-agent';

/** The check the review work adds: pending until an approving review from someone with write access. */
export const APPROVAL_CHECK_NAME = 'implementation-agent/approval';

/**
 * The agent's own checks. They are judged by their own rules (validation, approval), never counted
 * as the repository's CI: the approval check waits for a review, so counting it would make
 * "green checks" wait for the approval rule.
 */
export const AGENT_CHECK_NAMES: readonly string[] = [VALIDATION_CHECK_NAME, APPROVAL_CHECK_NAME];

/**
 * The GitHub App a check run was created by, as the Checks API lists it (`check_run.app`): the App's
 * `slug`, or `github-actions` (app id 15368) for a workflow's `GITHUB_TOKEN`. `null` when GitHub
 * does not say.
 */
export interface CheckRunApp {
  /** Octokit types it optional; GitHub sends it for every App. */
  readonly slug?: string | undefined;
  readonly id?: number;
}

/**
 * The App slug the agent's own check runs carry, from the login it writes as: `<slug>[bot]` for an
 * App (the App itself, or the Action with an App token), `github-actions[bot]` → `github-actions`
 * under `GITHUB_TOKEN`. A bot login is its App's slug with `[bot]` appended (GitHub Apps docs,
 * "Identifying and authorizing users for GitHub Apps").
 */
export function agentAppSlugOf(identity: string): string {
  return identity.replace(/\[bot\]$/i, '').toLowerCase();
}

/**
 * Whether a check run is one of the agent's own: one of its names *and* created by its App. A CI
 * check that merely uses our name is the repository's CI and counts as such. Under `GITHUB_TOKEN`
 * every workflow's check runs share the `github-actions` App, so there a workflow job named like
 * ours is still taken for ours.
 */
export function isAgentCheck(
  run: { readonly name: string; readonly app?: CheckRunApp | null },
  agentAppSlug: string,
): boolean {
  const slug = run.app?.slug;
  return AGENT_CHECK_NAMES.includes(run.name) && slug?.toLowerCase() === agentAppSlug.toLowerCase();
}
