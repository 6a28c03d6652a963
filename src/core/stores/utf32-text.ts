/** How a UTF-32 text was written: its byte order, and whether it began with a byte order mark. */
export interface Utf32Form {
  readonly bigEndian: boolean;
  readonly bom: boolean;
}

/** Bytes looked at to guess a text without a byte order mark is UTF-32. */
const SAMPLE_BYTES = 4096;
/**
 * Share of the sample's 4-byte units that must be text written as UTF-32: a code point (at most
 * U+10FFFF, so its high byte is zero and the next at most 0x10; no surrogate), not NUL and no
 * control character other than white space. Whatever the script: `42 30 00 00` (あ) counts as
 * `41 00 00 00` (A) does.
 */
const MIN_TEXT_SHARE = 0.9;
/** Units a text must have for its structure alone to say UTF-32. */
const MIN_UNITS = 4;

/**
 * How `bytes` look written as UTF-32 (Python's `encoding='utf-32'`, PowerShell's `-Encoding
 * utf32`), or undefined: a byte order mark (FF FE 00 00 little-endian, 00 00 FE FF big-endian;
 * FF FE 00 00 before UTF-16 text is read as UTF-32, as the Unicode Standard §23.8 and Python
 * do), or, without one (Python's `utf-32-le`), a sample whose 4-byte units are mostly text by
 * their structure (MIN_TEXT_SHARE): every character of any script has a zero high byte in UTF-32,
 * where random bytes have one in 256 units, UTF-8 text never has a NUL, and UTF-16 text reads as
 * units past U+10FFFF. UTF-32 of ASCII is valid UTF-8 with three NULs after each character, so
 * no scan as UTF-8 sees a secret in it.
 */
export function utf32Form(bytes: Uint8Array): Utf32Form | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0)
    return { bigEndian: false, bom: true };
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
    return { bigEndian: true, bom: true };
  const units = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 4);
  if (units < MIN_UNITS) return undefined;
  for (const bigEndian of [false, true]) {
    let text = 0;
    for (let index = 0; index < units * 4; index += 4) {
      if (isTextCodePoint(unitAt(bytes, index, bigEndian))) text += 1;
    }
    if (text >= units * MIN_TEXT_SHARE) return { bigEndian, bom: false };
  }
  return undefined;
}

/**
 * A code point text holds: at most U+10FFFF, no surrogate, no NUL, no control but white space and
 * ESC (the ANSI colour codes test runners and package managers write into their output).
 */
function isTextCodePoint(unit: number): boolean {
  if (unit > 0x10ffff || (unit >= 0xd800 && unit <= 0xdfff)) return false;
  if (unit === 0x09 || unit === 0x0a || unit === 0x0c || unit === 0x0d || unit === 0x1b) return true;
  return unit >= 0x20 && !(unit >= 0x7f && unit <= 0x9f);
}

function unitAt(bytes: Uint8Array, at: number, bigEndian: boolean): number {
  const [a, b, c, d] = [bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0];
  return bigEndian ? a * 0x1000000 + (b << 16) + (c << 8) + d : d * 0x1000000 + (c << 16) + (b << 8) + a;
}

/**
 * `bytes` read as UTF-32 in `form` (the byte order mark dropped; a last unit cut short ignored; a
 * unit that is no code point, past U+10FFFF or a surrogate, read as U+FFFD).
 */
export function decodeUtf32(bytes: Uint8Array, form: Utf32Form): string {
  const parts: string[] = [];
  for (let at = form.bom ? 4 : 0; at + 4 <= bytes.length; at += 4) {
    const unit = unitAt(bytes, at, form.bigEndian);
    parts.push(unit > 0x10ffff || (unit >= 0xd800 && unit <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(unit));
  }
  return parts.join('');
}

/** `text` written as UTF-32 in `form`, with its byte order mark if it had one. */
export function encodeUtf32(text: string, form: Utf32Form): Buffer {
  const points = [...`${form.bom ? '\uFEFF' : ''}${text}`];
  const bytes = Buffer.alloc(points.length * 4);
  for (const [index, point] of points.entries()) {
    const code = point.codePointAt(0) ?? 0xfffd;
    if (form.bigEndian) bytes.writeUInt32BE(code, index * 4);
    else bytes.writeUInt32LE(code, index * 4);
  }
  return bytes;
}

/** Characters in a row that make a run of UTF-32 text worth reading (`utf32Runs`). */
const MIN_RUN_UNITS = 8;

/**
 * Each run of UTF-32 text inside other bytes (MIN_RUN_UNITS or more text code points in a row),
 * decoded, in both byte orders at all four byte alignments: PowerShell's `Out-File -Encoding utf32`
 * output appended to a UTF-8 build log past the sample `utf32Form` reads. UTF-8 text has no NUL,
 * and every UTF-32 unit has one, so a log without them has no run. Linear: eight passes.
 */
export function utf32Runs(bytes: Uint8Array): string[] {
  const texts: string[] = [];
  if (!bytes.includes(0)) return texts;
  for (const bigEndian of [false, true])
    for (let alignment = 0; alignment < 4; alignment += 1) {
      const runs = runsAt(bytes, alignment, bigEndian);
      if (runs.length > 0) texts.push(runs.join('\n'));
    }
  return texts;
}

function runsAt(bytes: Uint8Array, alignment: number, bigEndian: boolean): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= MIN_RUN_UNITS) runs.push(run.join(''));
    run = [];
  };
  for (let at = alignment; at + 4 <= bytes.length; at += 4) {
    const unit = unitAt(bytes, at, bigEndian);
    if (isTextCodePoint(unit)) run.push(String.fromCodePoint(unit));
    else close();
  }
  close();
  return runs;
}
