import { deriveSubKeys } from '../state/derive-sub-keys.js';
import type { MarkerKeys } from '../state/marker-keys.js';

/**
 * HKDF `info` label (RFC 5869 §3.2) for deployment payload signatures. The deployment keys are
 * derived from the marker keys under this label, so a marker signature never holds as a
 * deployment signature, nor the other way round. Changing it invalidates every signed payload.
 */
export const DEPLOYMENT_KEY_INFO = 'implementation-agent/deployment-payload/hmac-sha256/v1';

/**
 * The keys deployment payloads are signed with (`deriveSubKeys` under DEPLOYMENT_KEY_INFO), with
 * the marker keys' rotation: `previous` is accepted while it is configured. `undefined` without
 * marker keys.
 */
export function deploymentKeysFrom(markerKeys: MarkerKeys | undefined): MarkerKeys | undefined {
  return deriveSubKeys(markerKeys, DEPLOYMENT_KEY_INFO);
}
