import { isRecord } from '../request/is-record.js';
import { deriveSubKeys } from '../state/derive-sub-keys.js';
import type { MarkerKeys } from '../state/marker-keys.js';
import { markerSignatureMatches, signMarkerText } from '../state/marker-signature.js';
import { keyThatSigned } from '../state/key-that-signed.js';

const PREFIX = '<!-- implementation-agent:dispatch ';
const SIGNATURE = ' hmac-sha256=';
const SUFFIX = ' -->';

/**
 * HKDF `info` label for dispatch-marker signatures (`deriveSubKeys`): its own keys, so a status
 * marker's or a deployment's signature never holds for a dispatch marker.
 */
export const DISPATCH_KEY_INFO = 'implementation-agent/dispatch-marker/hmac-sha256/v1';

/** The keys dispatch markers are signed with, from the marker keys; `undefined` without them. */
export function dispatchKeysFrom(markerKeys: MarkerKeys | undefined): MarkerKeys | undefined {
  return deriveSubKeys(markerKeys, DISPATCH_KEY_INFO);
}

/**
 * The hidden line on an issue opened for a dispatched request, naming the request
 * (`dispatchRequestId`), so a repeated dispatch finds that issue. The id is JSON with `-` and `>`
 * escaped, so it can never end the HTML comment early. With `key` (the current dispatch key), the
 * HMAC-SHA256 of that JSON text follows as ` hmac-sha256=<hex>`.
 */
export function renderDispatchMarker(requestId: string, key?: Buffer): string {
  const json = JSON.stringify({ request_id: requestId }).replace(/-/g, '\\u002d').replace(/>/g, '\\u003e');
  return `${PREFIX}${json}${key === undefined ? '' : `${SIGNATURE}${signMarkerText(json, key)}`}${SUFFIX}`;
}

/**
 * The request id the issue body's last dispatch marker names, or `undefined` when it has none that
 * parses. With `keys` (`dispatchKeysFrom`), only a marker whose signature holds under the current
 * or previous key counts: anyone who can open an issue can copy the hidden line.
 */
export function parseDispatchMarker(body: string, keys?: MarkerKeys): string | undefined {
  // The agent writes its marker last; a copy inside the request's own text comes before it.
  const start = body.lastIndexOf(PREFIX);
  if (start < 0) return undefined;
  const end = body.indexOf(SUFFIX, start + PREFIX.length);
  if (end < 0) return undefined;
  const inner = body.slice(start + PREFIX.length, end);
  const at = inner.lastIndexOf(SIGNATURE);
  const json = at < 0 ? inner : inner.slice(0, at);
  if (keys !== undefined) {
    const signature = at < 0 ? '' : inner.slice(at + SIGNATURE.length);
    const holds = (key: Buffer) => markerSignatureMatches({ text: json, signature, key });
    if (keyThatSigned(keys, holds) === undefined) return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(json);
    const id = isRecord(parsed) ? parsed.request_id : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
