import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * sha256 (64 lowercase hex digits) of a JSON value in its RFC 8785 canonical form (JSON
 * Canonicalization Scheme: keys sorted, numbers and strings serialized one way), so the same
 * request sent with its keys in another order has the same digest, and an upstream system can
 * compute it too. `undefined` members are left out, as `JSON.stringify` does.
 */
export function requestDigest(value: unknown): string {
  return createHash('sha256')
    .update(canonicalize(value) ?? 'null')
    .digest('hex');
}
