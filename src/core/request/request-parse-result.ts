import { mergeRemovedContent, type RemovedContent } from '../untrusted/removed-content.js';
import type { RequestChannel } from './execution-request.js';
import type { RequestFieldError } from './request-field-error.js';
import { sanitizeRequestCandidate } from './sanitize-request-candidate.js';

/**
 * What a channel parser makes of its raw input, before validation:
 * `parsed` a sanitized candidate payload (plus problems only the parser could see, e.g. a form's
 * malformed additional-context JSON), `rejected` input that could not be read at all (too large,
 * malformed), `not-a-request` input that is simply something else (not an error).
 */
export type RequestParseResult =
  | {
      readonly kind: 'parsed';
      readonly channel: RequestChannel;
      readonly candidate: unknown;
      readonly problems: readonly RequestFieldError[];
      readonly removed: readonly RemovedContent[];
    }
  | {
      readonly kind: 'rejected';
      readonly channel: RequestChannel;
      readonly errors: readonly RequestFieldError[];
    }
  | { readonly kind: 'not-a-request'; readonly reason: string };

/** Every parser ends here, so no candidate reaches validation (or a prompt) unsanitized. */
export function parsedRequest(params: {
  channel: RequestChannel;
  candidate: unknown;
  problems?: readonly RequestFieldError[];
  /** What reading the text the candidate came from left out already (hidden markdown). */
  removed?: readonly RemovedContent[];
}): RequestParseResult {
  const sanitized = sanitizeRequestCandidate(params.candidate);
  return {
    kind: 'parsed',
    channel: params.channel,
    candidate: sanitized.candidate,
    problems: [...(params.problems ?? []), ...sanitized.problems],
    removed: mergeRemovedContent([params.removed ?? [], sanitized.removed]),
  };
}

export function rejectedRequest(
  channel: RequestChannel,
  errors: readonly RequestFieldError[],
): RequestParseResult {
  return { kind: 'rejected', channel, errors };
}
