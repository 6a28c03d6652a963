import { hkdfSync } from 'node:crypto';
import type { MarkerKeys } from '../state/marker-keys.js';

/**
 * HKDF `info` label (RFC 5869 §3.2) for deployment payload signatures. The deployment keys are
 * derived from the marker keys under this label, so a marker signature never holds as a
 * deployment signature, nor the other way round. Changing it invalidates every signed payload.
 */
export const DEPLOYMENT_KEY_INFO = 'implementation-agent/deployment-payload/hmac-sha256/v1';

/** Bytes in a derived key: SHA-256's output length, as for the marker keys. */
const KEY_BYTES = 32;

/**
 * The keys deployment payloads are signed with, derived from the marker keys (HKDF-SHA256, no
 * salt, `info` = DEPLOYMENT_KEY_INFO, 32 bytes), with the same rotation: `previous` is derived from
 * the previous marker key and accepted while it is configured. `undefined` without marker keys.
 */
export function deploymentKeysFrom(markerKeys: MarkerKeys | undefined): MarkerKeys | undefined {
  if (markerKeys === undefined) return undefined;
  const current = derive(markerKeys.current);
  return markerKeys.previous === undefined ? { current } : { current, previous: derive(markerKeys.previous) };
}

function derive(markerKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', markerKey, Buffer.alloc(0), DEPLOYMENT_KEY_INFO, KEY_BYTES));
}
