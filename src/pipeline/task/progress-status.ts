import type { MarkerKeys } from '../../core/state/marker-keys.js';
import type { StatusCommentRef } from '../../github/status-comment.js';

/**
 * The status a task's progress continues from (its state, and the comment edited in place): a
 * trusted one; or, when no marker key is configured, a display-only one, since nothing is signed
 * and nothing is decided from it anyway. Under a key a display-only comment is never edited or
 * continued (that would sign what the agent cannot vouch for): the agent writes its own.
 */
export function progressStatus(
  status: StatusCommentRef | undefined,
  keys: MarkerKeys | undefined,
): StatusCommentRef | undefined {
  return status && (status.trust === 'trusted' || keys === undefined) ? status : undefined;
}
