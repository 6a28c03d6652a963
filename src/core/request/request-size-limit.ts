import { MAX_UNTRUSTED_TEXT_LENGTH } from '../untrusted/untrusted-input-limits.js';
import type { RequestFieldError } from './request-field-error.js';

/** GitHub caps issue bodies and comments at 65,536 characters; a longer request is not read. */
export const MAX_REQUEST_LENGTH = MAX_UNTRUSTED_TEXT_LENGTH;

/**
 * Checked before any parsing, so a huge body costs a length measurement and nothing more.
 * `source` names the raw input in the error (e.g. "issue body", "client_payload").
 */
export function checkRequestSize(params: { text: string; source: string }): RequestFieldError | undefined {
  if (params.text.length <= MAX_REQUEST_LENGTH) return undefined;
  return {
    field: params.source,
    message: `is ${count(params.text.length)} characters, over the ${count(MAX_REQUEST_LENGTH)}-character limit for a request (GitHub's own limit for an issue or comment); it was not read`,
    fix: 'Send only the request itself: move long specifications, logs or data to files in the repository and refer to them by path.',
  };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
