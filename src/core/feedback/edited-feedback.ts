import { mention } from '../markdown/mention.js';

/**
 * Whether a comment was edited after it was given (DESIGN §5: comments edited after the triggering
 * event are ignored): GitHub's `updated_at` later than `given` — the comment's `created_at`, or for
 * an inline comment of a review the later of that and the review's `submitted_at` (a comment drafted
 * in a pending review may be edited until the review is submitted). GitHub's REST API keeps neither
 * the text as first given nor who edited it, so an edited comment cannot be read as it was given.
 * Unknown or unreadable times count as not edited (GitHub always sends both). ISO 8601 strings. Pure.
 */
export function isEditedAfterGiven(params: {
  given: readonly string[];
  updatedAt: string | undefined;
}): boolean {
  if (params.updatedAt === undefined) return false;
  const updated = Date.parse(params.updatedAt);
  const given = Math.max(...params.given.map((at) => Date.parse(at)));
  return Number.isFinite(updated) && Number.isFinite(given) && updated > given;
}

/**
 * The answer for feedback left out because it was edited after it was given: `what` names it as the
 * author would ("your `/implement` comment"). Says why (the edit is not a new request and GitHub
 * does not say who made it) and what to do (post it anew).
 */
export function editedFeedbackAnswer(params: { login: string; what: string }): string {
  return (
    `${mention(params.login)}: ${params.what} was edited after it was given, so it was not taken: ` +
    'an edit is not a new request, and GitHub does not say who made it or what it said before. ' +
    'Post what you want changed as a new comment.'
  );
}
