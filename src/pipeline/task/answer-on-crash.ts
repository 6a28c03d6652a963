import { describeAwsError } from '../../aws/cloudformation/describe-aws-error.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../../core/secrets/secret-markers.js';
import type { StatusCommentClient } from '../../github/status-comment.js';
import { postComment } from '../../github/post-comment.js';

/** Errors the person who asked has already been told about (e.g. on the status comment). */
const answered = new WeakSet<object>();

/** Records that `error` was already reported to the person who asked, so `answerOnCrash` does not repeat it. */
export function markAnswered(error: unknown): void {
  if (typeof error === 'object' && error !== null) answered.add(error);
}

/**
 * Runs a handler so the person who asked always gets an answer: an unexpected error is answered on
 * their issue or pull request as an internal error (what stopped, and for an AWS access error the
 * missing permission), then rethrown, so the Action's step fails and the app logs it as what it is.
 * The error's texts are redacted first (`redactSecrets`; NOT_SCANNED_MARKER when the scanner
 * fails): an error message may quote a token-bearing URL or a request's value.
 * A failure to post the answer never hides the original error.
 */
export async function answerOnCrash<T>(
  params: {
    client: Pick<StatusCommentClient, 'issues'>;
    owner: string;
    repo: string;
    issueNumber: number;
    /** What was asked, as typed: "`/cancel staging`", "this request". */
    request: string;
    /** The login to address; absent for events nobody typed. */
    author?: string;
  },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!answered.has(error as object)) {
      const { name, message, advice } = describeAwsError(error);
      const to = params.author === undefined ? '' : `@${params.author}, `;
      // Redacted before escaping, which could split a secret the scanner would otherwise see whole.
      const shown = await redactedOrWithheld(`${name}: ${message}`);
      const shownAdvice = advice === undefined ? undefined : await redactedOrWithheld(advice);
      const body =
        `⚠️ ${to}implementation-agent stopped on an internal error while handling ${params.request}, ` +
        `so it may not have been carried out: ${untrustedInline(shown)}.` +
        (shownAdvice === undefined ? '' : ` ${shownAdvice}`) +
        ' The run log has the details; try again once the cause is fixed.';
      await postComment({
        client: params.client,
        owner: params.owner,
        repo: params.repo,
        issueNumber: params.issueNumber,
        body,
      }).catch(() => undefined);
      markAnswered(error);
    }
    throw error;
  }
}

/** `text` redacted, or NOT_SCANNED_MARKER when the scanner fails: an unchecked text is never posted. */
function redactedOrWithheld(text: string): Promise<string> {
  return redactSecrets(text).catch(() => NOT_SCANNED_MARKER);
}
