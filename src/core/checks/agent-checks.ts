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
