import type { RequestFieldError } from './request-field-error.js';

/** GitHub caps issue bodies at 65,536 characters; a request larger than that is not a request. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/**
 * Checked before any parsing, so a huge body costs a length measurement and nothing more.
 * `source` names the raw input in the error (e.g. "issue body", "client_payload").
 */
export function checkRequestSize(params: { text: string; source: string }): RequestFieldError | undefined {
  // Every UTF-16 unit is at least one UTF-8 byte: long strings fail before their bytes are counted.
  const bytes =
    params.text.length > MAX_REQUEST_BYTES ? params.text.length : Buffer.byteLength(params.text, 'utf8');
  if (bytes <= MAX_REQUEST_BYTES) return undefined;
  return {
    field: params.source,
    message: `is ${formatKib(bytes)}, over the ${formatKib(MAX_REQUEST_BYTES)} limit for a request; it was not read`,
    fix: 'Send only the request itself: move long specifications, logs or data to files in the repository and refer to them by path.',
  };
}

function formatKib(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KiB`;
}
