import { describeReceived, describeSchemaIssue } from './describe-schema-issue.js';
import { requestPayloadSchema, type RequestChannel, type RequestPayload } from './execution-request.js';
import { fieldHint } from './request-field-hints.js';
import { isRecord } from './is-record.js';
import type { RequestFieldError } from './request-field-error.js';
import { checkValueBounds } from '../untrusted/check-value-bounds.js';
import { boundsError } from './bounds-error.js';
import { checkRequestSize } from './request-size-limit.js';

export type RequestValidationResult =
  | { readonly ok: true; readonly payload: RequestPayload; readonly channel: RequestChannel }
  | { readonly ok: false; readonly errors: readonly RequestFieldError[]; readonly channel: RequestChannel };

/** Serialized size of an already-parsed candidate; the api and file channels hand over objects, not text. */
function sizeError(candidate: unknown): RequestFieldError | undefined {
  if (typeof candidate === 'string') return checkRequestSize({ text: candidate, source: '(request)' });
  const bounds = checkValueBounds(candidate);
  if (bounds !== undefined) return boundsError('(request)', bounds);
  try {
    return checkRequestSize({ text: JSON.stringify(candidate) ?? '', source: '(request)' });
  } catch {
    return { field: '(request)', message: 'cannot be read as JSON', fix: fieldHint('') };
  }
}

/**
 * The one validation step every channel goes through (DESIGN §2): the zod schema, with every field
 * error reported (not just the first), each with a fix. A missing or malformed `execution_request`
 * is checked as an empty one, so the answer names each required field instead of just the object.
 */
export function validateRequest(candidate: unknown, channel: RequestChannel): RequestValidationResult {
  const tooLarge = sizeError(candidate);
  if (tooLarge) return { ok: false, errors: [tooLarge], channel };
  if (!isRecord(candidate)) {
    return {
      ok: false,
      errors: [
        {
          field: '(request)',
          message: `must be a JSON object, but is ${describeReceived(candidate)}`,
          fix: fieldHint(''),
        },
      ],
      channel,
    };
  }
  const errors: RequestFieldError[] = [];
  let subject = candidate;
  if (!isRecord(candidate.execution_request)) {
    if (candidate.execution_request !== undefined) {
      errors.push({
        field: 'execution_request',
        message: 'must be an object',
        fix: fieldHint('execution_request'),
      });
    }
    subject = { ...candidate, execution_request: {} };
  }
  const result = requestPayloadSchema.safeParse(subject, { reportInput: true });
  if (result.success && errors.length === 0) return { ok: true, payload: result.data, channel };
  errors.push(...(result.error?.issues ?? []).map(describeSchemaIssue));
  return { ok: false, errors, channel };
}
