import { isRecord } from '../request/is-record.js';
import { checkValueBounds } from '../untrusted/check-value-bounds.js';
import { requestDigest } from './request-digest.js';

/** A `request_id` the sender chose is used as is when it is this plain (a UUID, a ticket key). */
const PLAIN_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The identity of a dispatched request, which makes a repeated dispatch find the task the first
 * one started instead of opening another issue. `repository_dispatch`: `client_payload.request_id`;
 * `workflow_dispatch`: the `request_id` input. A plain id (up to 64 letters, digits, `.`, `_`, `:`
 * or `-`) is used as is, any other by its sha256. Without one, the sha256 of the canonical
 * (RFC 8785) `client_payload` or `inputs`: the same payload sent again is the same request.
 * Canonicalizing walks the payload recursively, so a payload past the nesting or count bounds
 * (`checkValueBounds`), which the request parser refuses anyway, is named `OUT_OF_BOUNDS_REQUEST_ID`
 * unread: a `client_payload` nested 5,000 levels would otherwise overflow the stack.
 */
export function dispatchRequestId(event: { name: string; payload: unknown }): string {
  const payload = isRecord(event.payload) ? event.payload : {};
  const sent = event.name === 'workflow_dispatch' ? payload.inputs : payload.client_payload;
  const chosen = isRecord(sent) ? sent.request_id : undefined;
  if (typeof chosen === 'string' && chosen.trim() !== '') {
    const id = chosen.trim();
    return PLAIN_REQUEST_ID.test(id) ? id : requestDigest(id);
  }
  if (checkValueBounds(sent) !== undefined) return OUT_OF_BOUNDS_REQUEST_ID;
  return requestDigest(sent ?? null);
}

/** The id of every dispatch whose payload is past the bounds: each is refused, none is tracked. */
export const OUT_OF_BOUNDS_REQUEST_ID = 'out-of-bounds';
