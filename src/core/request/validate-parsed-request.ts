import type { RemovedContent } from '../untrusted/removed-content.js';
import type { RequestParseResult } from './request-parse-result.js';
import { validateRequest, type RequestValidationResult } from './validate-request.js';

export type ParsedRequestValidation = RequestValidationResult & {
  /** What the sanitizer took out of the request's text, for the status comment to mention. */
  readonly removed: readonly RemovedContent[];
};

/**
 * Validates what a channel parser produced, adding the problems only the parser could see
 * (e.g. the form's malformed additional context) to the schema's, so one answer lists them all.
 */
export function validateParsedRequest(
  parsed: Exclude<RequestParseResult, { kind: 'not-a-request' }>,
): ParsedRequestValidation {
  if (parsed.kind === 'rejected')
    return { ok: false, errors: parsed.errors, channel: parsed.channel, removed: [] };
  const validation = validateRequest(parsed.candidate, parsed.channel);
  if (parsed.problems.length === 0) return { ...validation, removed: parsed.removed };
  const schemaErrors = validation.ok ? [] : validation.errors;
  return {
    ok: false,
    errors: [...parsed.problems, ...schemaErrors],
    channel: parsed.channel,
    removed: parsed.removed,
  };
}
