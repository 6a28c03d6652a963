import { inflateRawSync, type InflateRaw } from 'node:zlib';
import type { InflateBudget } from './inflate-budget.js';

/** gzip member flags (RFC 1952 §2.3.1). */
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const RESERVED_FLAGS = 0xe0;
const HEADER_BYTES = 10;
/** CRC32 and ISIZE after the deflate data. */
const TRAILER_BYTES = 8;

/**
 * True when a gzip member header starts at `at`: ID1 ID2 (1F 8B), method 8 (deflate, the only one
 * RFC 1952 defines) and no reserved flag set (a reader must refuse those, §2.3.1.2). Random bytes
 * match about once in 2^27 positions.
 */
export function isGzipHeaderAt(bytes: Uint8Array, at: number): boolean {
  return (
    bytes[at] === 0x1f &&
    bytes[at + 1] === 0x8b &&
    bytes[at + 2] === 8 &&
    at + HEADER_BYTES <= bytes.length &&
    ((bytes[at + 3] ?? 0) & RESERVED_FLAGS) === 0
  );
}

/**
 * The gzip member at `at` (RFC 1952 §2.3: header, optional extra, name, comment and header CRC,
 * deflate data, CRC32 and size) inflated within the budget, and `end`: the offset just past it
 * (its trailer, or the end of the bytes when the trailer is cut). Whatever follows is not read
 * here (another member starts with its own header, which the caller finds). Undefined when the
 * header or the deflate data does not read, or the budget is passed.
 */
export function gzipMemberAt(
  bytes: Buffer,
  at: number,
  budget: InflateBudget,
): { content: Buffer; end: number } | undefined {
  const dataAt = deflateDataAt(bytes, at);
  if (dataAt === undefined || budget.left <= 0) return undefined;
  try {
    // `info` gives the engine, whose bytesWritten is the deflate bytes it consumed (trailing bytes are left).
    const { buffer, engine } = inflateRawSync(bytes.subarray(dataAt), {
      maxOutputLength: budget.left,
      info: true,
    }) as unknown as { buffer: Buffer; engine: InflateRaw };
    budget.left -= buffer.length;
    return { content: buffer, end: Math.min(bytes.length, dataAt + engine.bytesWritten + TRAILER_BYTES) };
  } catch {
    return undefined;
  }
}

/** Where the member's deflate data starts, past its optional header fields; undefined when they run past the end. */
function deflateDataAt(bytes: Buffer, at: number): number | undefined {
  if (!isGzipHeaderAt(bytes, at)) return undefined;
  const flags = bytes[at + 3] ?? 0;
  let next = at + HEADER_BYTES;
  if ((flags & FEXTRA) !== 0) {
    if (next + 2 > bytes.length) return undefined;
    next += 2 + bytes.readUInt16LE(next);
  }
  for (const field of [FNAME, FCOMMENT]) {
    if ((flags & field) === 0) continue;
    const nul = bytes.indexOf(0, next);
    if (nul === -1) return undefined;
    next = nul + 1;
  }
  if ((flags & FHCRC) !== 0) next += 2;
  return next < bytes.length ? next : undefined;
}
