import { constants, inflateRawSync, type InflateRaw } from 'node:zlib';
import { deflateMayStartAt } from './deflate-start.js';
import type { InflateBudget } from './inflate-budget.js';

/** CMF and FLG (RFC 1950 §2.2), before the deflate data, and the Adler-32 after it. */
const HEADER_BYTES = 2;
const ADLER_BYTES = 4;
/** Deflate bytes a probe reads past a candidate header before the stream is taken for real. */
const PROBE_INPUT_BYTES = 512;
/** Bytes a probe may inflate; passing them means the stream is real (random data fails far sooner). */
const PROBE_OUTPUT_BYTES = 8 * 1024;

/**
 * True when a zlib header (RFC 1950 §2.2) starts at `at`: CM 8 (deflate), CINFO at most 7 (a
 * window of 32 KiB or less), no preset dictionary, CMF·256 + FLG a multiple of 31, and a first
 * deflate block whose type is not the reserved 3 (RFC 1951 §3.2.3). What a git loose object, a
 * PDF `/FlateDecode` stream and a PNG's IDAT data start with. Random bytes match about once in
 * 2,700 positions, so a match is only a candidate (`zlibStreamAt` probes it).
 */
export function isZlibHeaderAt(bytes: Uint8Array, at: number): boolean {
  const cmf = bytes[at] ?? 0;
  const flg = bytes[at + 1] ?? 0;
  const first = bytes[at + 2];
  return (
    first !== undefined &&
    (cmf & 0x0f) === 8 &&
    cmf >> 4 <= 7 &&
    (flg & 0x20) === 0 &&
    (cmf * 256 + flg) % 31 === 0 &&
    ((first >> 1) & 0x03) !== 3
  );
}

/**
 * The zlib stream whose header is at `at` (`isZlibHeaderAt`), read in steps so a chance header
 * in binary data costs little: its first block is looked at in JS (`deflateMayStartAt`); when it
 * may hold, a probe (one of `probes.left`) inflates at most PROBE_INPUT_BYTES of it, stopping
 * after PROBE_OUTPUT_BYTES. When either fails the header was chance: `'none'`. Otherwise the
 * stream is real and its deflate data is inflated whole within the budget: its content and `end`,
 * the offset past its Adler-32 (the end of the bytes for a stream cut short, whose start is read).
 * The Adler-32 is not checked: a reader that ignores it (most do, on a damaged file) shows the text. Undefined, for
 * the caller to fail closed, when no probe is left, or when a real stream does not read past its
 * start (damaged after it: a reader may still show that start) or passes the budget.
 */
export function zlibStreamAt(
  bytes: Buffer,
  at: number,
  budget: InflateBudget,
  probes: { left: number },
): { content: Buffer; end: number } | 'none' | undefined {
  if (!deflateMayStartAt(bytes, at + 2)) return 'none';
  probes.left -= 1;
  if (probes.left < 0) return undefined;
  const dataAt = at + HEADER_BYTES;
  if (!probeInflates(bytes.subarray(dataAt, dataAt + PROBE_INPUT_BYTES))) return 'none';
  if (budget.left <= 0) return undefined;
  try {
    // `info` gives the engine, whose bytesWritten is the bytes it consumed (trailing bytes are left).
    const { buffer, engine } = inflateRawSync(bytes.subarray(dataAt), {
      maxOutputLength: budget.left,
      finishFlush: constants.Z_SYNC_FLUSH,
      info: true,
    }) as unknown as { buffer: Buffer; engine: InflateRaw };
    budget.left -= buffer.length;
    return { content: buffer, end: Math.min(bytes.length, dataAt + engine.bytesWritten + ADLER_BYTES) };
  } catch {
    return undefined;
  }
}

/** Whether the start of a stream inflates without error: the input running out or the output bound passed count as reading. */
function probeInflates(start: Buffer): boolean {
  try {
    inflateRawSync(start, { maxOutputLength: PROBE_OUTPUT_BYTES, finishFlush: constants.Z_SYNC_FLUSH });
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
  }
}
