import { createHash } from 'node:crypto';

/** Hex sha256 of text (as UTF-8) or bytes: what stores keep in metadata and check on read. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
