import { hkdfSync } from 'node:crypto';
import type { MarkerKeys } from './marker-keys.js';

/** Bytes in a derived key: SHA-256's output length, as for the marker keys. */
const KEY_BYTES = 32;

/**
 * Keys for one more signed thing, derived from the marker keys with HKDF-SHA256 (RFC 5869, no
 * salt, `info` = the thing's own label, 32 bytes), keeping the rotation: `previous` comes from the
 * previous marker key. Distinct labels give unrelated keys, so a signature made for one thing (a
 * status marker, a deployment payload, a dispatch marker) never holds for another. `undefined`
 * without marker keys.
 */
export function deriveSubKeys(markerKeys: MarkerKeys | undefined, info: string): MarkerKeys | undefined {
  if (markerKeys === undefined) return undefined;
  const derive = (key: Buffer) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, KEY_BYTES));
  const current = derive(markerKeys.current);
  return markerKeys.previous === undefined ? { current } : { current, previous: derive(markerKeys.previous) };
}
