import { createHash } from 'node:crypto';

/** sha256 of a request's held text (`heldRequestText`), as 64 hex digits. */
export function heldTextDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
