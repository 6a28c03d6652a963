import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 (RFC 2104) of a marker's JSON text, exactly as it stands in the comment, as hex. */
export function signMarkerText(text: string, key: Buffer): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/**
 * Whether `signature` (hex) is the HMAC of `text` under `key`, compared in constant time so the
 * time taken says nothing about how much of a forged signature was right.
 */
export function markerSignatureMatches(params: { text: string; signature: string; key: Buffer }): boolean {
  const expected = Buffer.from(signMarkerText(params.text, params.key), 'hex');
  const given = Buffer.from(params.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
