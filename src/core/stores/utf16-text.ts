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
 * order mark (FF FE little-endian, FE FF big-endian), or, without one, an even length whose first
 * SAMPLE_BYTES hold mostly ASCII characters (a NUL high byte beside a non-NUL low byte). Such bytes
 * are valid UTF-8 too, with a NUL between every character, so no scan of them as UTF-8 sees a secret.
 */
export function utf16Form(bytes: Uint8Array): Utf16Form | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { bigEndian: false, bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { bigEndian: true, bom: true };
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const pairs = Math.min(bytes.length, SAMPLE_BYTES) / 2;
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
  return undefined;
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
