import { constants, inflateRawSync, type InflateRaw } from 'node:zlib';
import { deflateMayStartAt } from './deflate-start.js';
import type { InflateBudget } from './inflate-budget.js';

/** CMF and FLG (RFC 1950 §2.2), before the deflate data, and the Adler-32 after it. */
const HEADER_BYTES = 2;
/** FLG's FDICT bit: a preset dictionary, whose 4-byte DICTID follows FLG (RFC 1950 §2.2). */
const FDICT = 0x20;
const DICTID_BYTES = 4;
/** The largest window (CINFO 7). A placeholder dictionary as long as the window lets every back-reference into an unknown one resolve. */
const MAX_WINDOW_BYTES = 32 * 1024;
const ZEROS = Buffer.alloc(MAX_WINDOW_BYTES);
const ONES = Buffer.alloc(MAX_WINDOW_BYTES, 0xff);
const ADLER_BYTES = 4;
/** Deflate bytes a probe reads past a candidate header before the stream is taken for real. */
const PROBE_INPUT_BYTES = 512;
/** Bytes a probe may inflate; passing them means the stream is real (random data fails far sooner). */
const PROBE_OUTPUT_BYTES = 8 * 1024;

/**
 * True when a zlib header (RFC 1950 §2.2) starts at `at`: CM 8 (deflate), CINFO at most 7 (a
 * window of 32 KiB or less), CMF·256 + FLG a multiple of 31, and a first deflate block (after the
 * 4-byte DICTID when FDICT is set: a preset dictionary) whose type is not the reserved 3 (RFC 1951
 * §3.2.3). What a git loose object, a
 * PDF `/FlateDecode` stream and a PNG's IDAT data start with. Random bytes match about once in
 * 2,700 positions, so a match is only a candidate (`zlibStreamAt` probes it).
 */
export function isZlibHeaderAt(bytes: Uint8Array, at: number): boolean {
  const cmf = bytes[at] ?? 0;
  const flg = bytes[at + 1] ?? 0;
  const first = bytes[at + deflateOffset(flg)];
  return (
    first !== undefined &&
    (cmf & 0x0f) === 8 &&
    cmf >> 4 <= 7 &&
    (cmf * 256 + flg) % 31 === 0 &&
    ((first >> 1) & 0x03) !== 3
  );
}

/** Where the deflate data starts past a zlib header whose FLG is `flg`: after its DICTID when FDICT is set. */
function deflateOffset(flg: number): number {
  return HEADER_BYTES + ((flg & FDICT) === 0 ? 0 : DICTID_BYTES);
}

/**
 * The zlib stream whose header is at `at` (`isZlibHeaderAt`), read in steps so a chance header
 * in binary data costs little: its first block is looked at in JS (`deflateMayStartAt`); when it
 * may hold, a probe (one of `probes.left`) inflates at most PROBE_INPUT_BYTES of it, stopping
 * after PROBE_OUTPUT_BYTES. When either fails the header was chance: `'none'`. Otherwise the
 * stream is real and its deflate data is inflated whole within the budget: its content and `end`,
 * the offset past its Adler-32 (the end of the bytes for a stream cut short, whose start is read).
 * The Adler-32 is not checked: a reader that ignores it (most do, on a damaged file) shows the text.
 * A stream with a preset dictionary (FDICT) is probed with a placeholder dictionary (its
 * back-references into the unknown one resolve), then inflated without one; when it copies from
 * the dictionary, what a reader knowing it gets is not known here (`readWithUnknownDictionary`).
 * Undefined, for the caller to fail closed, when no probe is left, or when a real stream does not
 * read past its start (damaged after it: a reader may still show that start), copies from an
 * unknown dictionary, or passes the budget.
 */
export function zlibStreamAt(
  bytes: Buffer,
  at: number,
  budget: InflateBudget,
  probes: { left: number },
): { content: Buffer; end: number } | 'none' | undefined {
  // A preset dictionary is at most the window (CINFO: 2^(CINFO+8) bytes), as zlib's inflate holds it.
  const window = (bytes[at + 1] ?? 0) & FDICT ? 1 << (((bytes[at] ?? 0) >> 4) + 8) : 0;
  const dataAt = at + deflateOffset(bytes[at + 1] ?? 0);
  if (!deflateMayStartAt(bytes, dataAt, window)) return 'none';
  probes.left -= 1;
  if (probes.left < 0) return undefined;
  const placeholder = window === 0 ? undefined : ZEROS.subarray(0, window);
  if (!probeInflates(bytes.subarray(dataAt, dataAt + PROBE_INPUT_BYTES), placeholder)) return 'none';
  if (budget.left <= 0) return undefined;
  const data = bytes.subarray(dataAt);
  const whole = inflatedWhole(data, budget.left);
  const read = whole ?? (window === 0 ? undefined : readWithUnknownDictionary(data, budget.left, window));
  if (read === undefined || read === 'copies') return undefined;
  budget.left -= read.content.length;
  return { content: read.content, end: Math.min(bytes.length, dataAt + read.consumed + ADLER_BYTES) };
}

/** Adler-32's modulus (RFC 1950 §8.2). */
const ADLER_BASE = 65_521;

/**
 * Deflate data that copies from an unknown preset dictionary of up to `window` bytes, read twice
 * with two placeholders (all 0x00, all 0xFF): the bytes that differ came from the dictionary.
 * `'copies'` (the caller fails closed: a reader knowing the dictionary gets bytes, a secret
 * among them perhaps, this cannot see) when the stream is real: text (`looksLikeText`) whose
 * Adler-32 after it (`adlerCanHold`) can be the checksum of its bytes, whatever the dictionary's
 * were. Otherwise it
 * is chance data (random bytes under a header with FDICT): the output with the dictionary's bytes
 * as NULs, to scan as it is. Undefined when it does not inflate.
 */
function readWithUnknownDictionary(
  data: Buffer,
  maxOutput: number,
  window: number,
): { content: Buffer; consumed: number } | 'copies' | undefined {
  const zeros = inflatedWhole(data, maxOutput, ZEROS.subarray(0, window));
  const ones = inflatedWhole(data, maxOutput, ONES.subarray(0, window));
  if (zeros === undefined || ones === undefined) return undefined;
  const real =
    looksLikeText(zeros.content, ones.content) &&
    adlerCanHold(zeros.content, ones.content, data.subarray(zeros.consumed));
  return real ? 'copies' : zeros;
}

/**
 * Bytes not copied from an unknown dictionary that are text (printable ASCII, tab, line ends) in a
 * stream taken as real: written text has them all (UTF-8 letters aside); chance data under a
 * header with FDICT (random bytes) measured 0.75 to 0.9 of them on short outputs.
 */
const MIN_TEXT_SHARE = 0.95;
/** Fewer known bytes than this say nothing of the stream; it is then taken as text when at least MIN_COPIED_BYTES came from the dictionary (a token's worth, nearly). */
const MIN_KNOWN_BYTES = 8;
const MIN_COPIED_BYTES = 16;

/** Whether an output whose bytes differ between `zeros` and `ones` where copied from the dictionary reads as text (see MIN_TEXT_SHARE). */
function looksLikeText(zeros: Buffer, ones: Buffer): boolean {
  let known = 0;
  let text = 0;
  for (let index = 0; index < zeros.length; index += 1) {
    const byte = zeros[index] ?? 0;
    if (byte !== ones[index]) continue;
    known += 1;
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d) text += 1;
  }
  return known < MIN_KNOWN_BYTES ? zeros.length - known >= MIN_COPIED_BYTES : text >= known * MIN_TEXT_SHARE;
}

/**
 * Whether `trailer` (the 4 bytes after the deflate data: Adler-32, most significant byte first)
 * can be the Adler-32 of the output when the bytes where `zeros` and `ones` differ are unknown
 * (RFC 1950 §8.2: A = 1 + the sum of the bytes, B = the sum of the A's, both mod 65521). The
 * unknown bytes add between 0 and 255 each to A, and 255 times the bytes from them to the end to
 * B: random bytes after a chance stream fall outside that often (nine times in ten for a short
 * one). A trailer cut short can hold anything. Linear.
 */
function adlerCanHold(zeros: Buffer, ones: Buffer, trailer: Buffer): boolean {
  if (trailer.length < ADLER_BYTES) return true;
  const length = zeros.length;
  let knownA = 1;
  let knownB = length % ADLER_BASE;
  let maxA = 0;
  let maxB = 0;
  for (let index = 0; index < length; index += 1) {
    const weight = length - index;
    const byte = zeros[index] ?? 0;
    if (byte === ones[index]) {
      knownA = (knownA + byte) % ADLER_BASE;
      knownB = (knownB + (weight % ADLER_BASE) * byte) % ADLER_BASE;
    } else {
      // Past the modulus a bound filters nothing; capped so the sums stay exact.
      maxA = Math.min(maxA + 255, ADLER_BASE);
      maxB = Math.min(maxB + 255 * weight, ADLER_BASE);
    }
  }
  const missing = (expected: number, known: number) =>
    (((expected - known) % ADLER_BASE) + ADLER_BASE) % ADLER_BASE;
  return missing(trailer.readUInt16BE(2), knownA) <= maxA && missing(trailer.readUInt16BE(0), knownB) <= maxB;
}

/** Deflate data inflated to its end (within `maxOutput`), and the bytes it consumed; undefined when it breaks. */
function inflatedWhole(
  data: Buffer,
  maxOutput: number,
  dictionary?: Buffer,
): { content: Buffer; consumed: number } | undefined {
  try {
    // `info` gives the engine, whose bytesWritten is the bytes it consumed (trailing bytes are left).
    const { buffer, engine } = inflateRawSync(data, {
      maxOutputLength: maxOutput,
      finishFlush: constants.Z_SYNC_FLUSH,
      info: true,
      ...(dictionary === undefined ? {} : { dictionary }),
    }) as unknown as { buffer: Buffer; engine: InflateRaw };
    return { content: buffer, consumed: engine.bytesWritten };
  } catch {
    return undefined;
  }
}

/** Whether the start of a stream inflates without error (with a `placeholder` for a preset dictionary): the input running out or the output bound passed count as reading. */
function probeInflates(start: Buffer, placeholder: Buffer | undefined): boolean {
  try {
    inflateRawSync(start, {
      maxOutputLength: PROBE_OUTPUT_BYTES,
      finishFlush: constants.Z_SYNC_FLUSH,
      ...(placeholder === undefined ? {} : { dictionary: placeholder }),
    });
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
  }
}
