/** How a UTF-16 text was written: its byte order, and whether it began with a byte order mark. */
export interface Utf16Form {
  readonly bigEndian: boolean;
  readonly bom: boolean;
}

/** Bytes looked at to guess a text without a byte order mark is UTF-16. */
const SAMPLE_BYTES = 4096;
/** Share of characters in the sample that must have a NUL high byte (ASCII written as UTF-16), and at most the share of NUL low bytes. */
const MIN_NUL_HIGH_SHARE = 0.9;
const MAX_NUL_LOW_SHARE = 0.1;

/**
 * How `bytes` look written as UTF-16 (a `.env` saved by a Windows editor), or undefined: a byte
 * order mark (FF FE little-endian, FE FF big-endian), or, without one, bytes (an odd last byte
 * ignored) whose first SAMPLE_BYTES hold mostly ASCII characters (a NUL high byte beside a non-NUL low byte), or whose
 * whole structure is UTF-16 text (`structuralForm`: a text whose start is not ASCII). Such bytes
 * are valid UTF-8 too, with a NUL between every character, so no scan of them as UTF-8 sees a secret.
 */
export function utf16Form(bytes: Uint8Array): Utf16Form | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { bigEndian: false, bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { bigEndian: true, bom: true };
  // An odd last byte (a newline another tool appended) does not make UTF-16 text something else.
  if (bytes.length < 4) return undefined;
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (bytes[index] === 0) evenNul += 1;
    if (bytes[index + 1] === 0) oddNul += 1;
  }
  const looks = (high: number, low: number) =>
    high >= pairs * MIN_NUL_HIGH_SHARE && low <= pairs * MAX_NUL_LOW_SHARE;
  if (looks(oddNul, evenNul)) return { bigEndian: false, bom: false };
  if (looks(evenNul, oddNul)) return { bigEndian: true, bom: false };
  return structuralForm(bytes);
}

/** NUL bytes (ASCII characters, written as UTF-16) the whole text must hold to be taken for UTF-16 by its structure. */
const MIN_STRUCTURAL_NULS = 8;

/**
 * UTF-16 known by its structure over the whole text, when its start is not ASCII (a Japanese
 * comment block): its NUL bytes sit at one parity (the high bytes of its ASCII characters; at
 * most MAX_NUL_LOW_SHARE of them at the other), MIN_STRUCTURAL_NULS of them at least, and read in
 * that byte order every unit is a character of text: no NUL or control character other than tab,
 * line and page ends, no noncharacter U+FFFE/U+FFFF, no unpaired surrogate. Binary data almost
 * never passes (a random unit is a surrogate one time in 32). Linear in the size.
 */
function structuralForm(bytes: Uint8Array): Utf16Form | undefined {
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    if (bytes[index] === 0) evenNul += 1;
    if (bytes[index + 1] === 0) oddNul += 1;
  }
  const bigEndian = evenNul > oddNul;
  const high = Math.max(evenNul, oddNul);
  if (high < MIN_STRUCTURAL_NULS || Math.min(evenNul, oddNul) > high * MAX_NUL_LOW_SHARE) return undefined;
  return allText(bytes, bigEndian) ? { bigEndian, bom: false } : undefined;
}

/** Whether every UTF-16 unit of `bytes` in that byte order is a character of text (see `structuralForm`). */
function allText(bytes: Uint8Array, bigEndian: boolean): boolean {
  let pendingHigh = false;
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    const first = bytes[index] ?? 0;
    const second = bytes[index + 1] ?? 0;
    const unit = bigEndian ? (first << 8) | second : (second << 8) | first;
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    if (pendingHigh !== isLow) return false;
    pendingHigh = isHigh;
    if (unit < 0x20 && !(unit >= 0x09 && unit <= 0x0d)) return false;
    if (unit === 0xfffe || unit === 0xffff) return false;
  }
  return !pendingHigh;
}

/** `bytes` read as UTF-16 in `form` (the byte order mark dropped; an odd last byte ignored). */
export function decodeUtf16(bytes: Uint8Array, form: Utf16Form): string {
  const body = Buffer.from(bytes.subarray(form.bom ? 2 : 0, bytes.length - (bytes.length % 2)));
  return (form.bigEndian ? swapBytes(body) : body).toString('utf16le');
}

/** `text` written as UTF-16 in `form`, with its byte order mark if it had one. */
export function encodeUtf16(text: string, form: Utf16Form): Buffer {
  const little = Buffer.from(`${form.bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return form.bigEndian ? swapBytes(little) : little;
}

function swapBytes(bytes: Buffer): Buffer {
  return Buffer.from(bytes).swap16();
}

/** Characters in a row, each a text byte beside a NUL, that make a run of UTF-16 text worth reading (`utf16Runs`). */
const MIN_RUN_CHARACTERS = 8;

/**
 * Each run of UTF-16 text in `bytes` whose characters are Latin-1 (a text byte beside a NUL high
 * byte, MIN_RUN_CHARACTERS or more in a row), decoded, in both byte orders at both byte
 * alignments: what `strings -el`/`-eb` show of a Windows binary, and the ASCII of a UTF-16 text
 * whose start is not ASCII (which `utf16Form` may not take for UTF-16). Secrets are ASCII, so no
 * run misses one. Empty for bytes without such runs (random binary: none). Linear: four passes.
 */
export function utf16Runs(bytes: Uint8Array): string[] {
  const texts: string[] = [];
  if (!bytes.includes(0)) return texts;
  for (const bigEndian of [false, true])
    for (const alignment of [0, 1]) {
      const runs = runsAt(bytes, alignment, bigEndian);
      if (runs.length > 0) texts.push(runs.join('\n'));
    }
  return texts;
}

/** One run of `utf16Runs`: its bytes `[start, end)` in the bytes read, its byte order and its text. */
export interface Utf16RunSpan {
  readonly start: number;
  readonly end: number;
  readonly bigEndian: boolean;
  readonly text: string;
}

/**
 * The runs of `utf16Runs` in one byte order at one alignment (0 or 1), with where each lies, so a
 * caller can write a redacted run back in place (`encodeUtf16`). Linear.
 */
export function utf16RunSpans(bytes: Uint8Array, alignment: number, bigEndian: boolean): Utf16RunSpan[] {
  const runs: Utf16RunSpan[] = [];
  const low = bigEndian ? 1 : 0;
  let start = -1;
  for (let at = alignment; at <= bytes.length; at += 2) {
    const inRun = at + 1 < bytes.length && bytes[at + 1 - low] === 0 && isTextByte(bytes[at + low] ?? 0);
    if (inRun && start === -1) start = at;
    if (!inRun && start !== -1) {
      if (at - start >= MIN_RUN_CHARACTERS * 2)
        runs.push({
          start,
          end: at,
          bigEndian,
          text: decodeUtf16(bytes.subarray(start, at), { bigEndian, bom: false }),
        });
      start = -1;
    }
  }
  return runs;
}

/** The runs of `utf16Runs` in one byte order at one alignment (0 or 1). */
function runsAt(bytes: Uint8Array, alignment: number, bigEndian: boolean): string[] {
  return utf16RunSpans(bytes, alignment, bigEndian).map((run) => run.text);
}

/** A byte that is a character of text as the low byte of a UTF-16 unit: tab, line ends, printable Latin-1. */
function isTextByte(byte: number): boolean {
  return (
    byte === 0x09 ||
    byte === 0x0a ||
    byte === 0x0d ||
    (byte >= 0x20 && byte !== 0x7f && (byte < 0x80 || byte >= 0xa0))
  );
}
