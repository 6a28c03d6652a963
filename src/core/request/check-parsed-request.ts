import type { RequestPayload } from './execution-request.js';
import { formatRequestErrors } from './format-request-errors.js';
import type { RequestParseResult } from './request-parse-result.js';
import { validateParsedRequest } from './validate-parsed-request.js';

export type RequestCheck =
  | { readonly ok: true; readonly payload: RequestPayload }
  /** `message`: every field error in one markdown answer, or `notFound` when there was no request. */
  | { readonly ok: false; readonly message: string };

/**
 * What any channel's parse result comes to: the valid request, or the one answer to give — every
 * field error listed (`formatRequestErrors`), or `notFound` when the text held no request. Pure.
 */
export function checkParsedRequest(
  parsed: RequestParseResult,
  notFound = 'No implementation request was found.',
): RequestCheck {
  if (parsed.kind === 'not-a-request') return { ok: false, message: notFound };
  const validation = validateParsedRequest(parsed);
  if (validation.ok) return { ok: true, payload: validation.payload };
  return {
    ok: false,
    message: formatRequestErrors({ errors: validation.errors, channel: validation.channel }),
  };
}
