import { hkdfSync } from 'node:crypto';

/**
 * The keys state markers are signed with: `current` signs every marker written; `previous`, set
 * only during a key rotation, is accepted once per marker, which is then re-signed with `current`.
 */
export interface MarkerKeys {
  readonly current: Buffer;
  readonly previous?: Buffer;
}

/**
 * HKDF `info` label (RFC 5869 §3.2): binds the derived key to this one use, so the same secret
 * (the App's webhook secret) never signs anything else with the same key. Changing it invalidates
 * every signed marker.
 */
export const MARKER_KEY_INFO = 'implementation-agent/state-marker/hmac-sha256/v1';

/** Bytes in a derived key: SHA-256's output length, the key size RFC 2104 recommends for HMAC-SHA256. */
const KEY_BYTES = 32;

/**
 * The marker keys derived from a secret and, during a rotation, the one it replaced:
 * HKDF-SHA256 (RFC 5869) with no salt and `info` = MARKER_KEY_INFO, 32 bytes each. The App passes
 * its webhook secret, the Action its `marker-secret` input. `undefined` when no secret is given:
 * markers are then written unsigned.
 */
export function markerKeysFrom(params: {
  secret: string | undefined;
  previousSecret?: string | undefined;
}): MarkerKeys | undefined {
  if (!params.secret) return undefined;
  const current = deriveMarkerKey(params.secret);
  return params.previousSecret && params.previousSecret !== params.secret
    ? { current, previous: deriveMarkerKey(params.previousSecret) }
    : { current };
}

function deriveMarkerKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), MARKER_KEY_INFO, KEY_BYTES));
}
