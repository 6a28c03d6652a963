/** Symbols of a fixed-Huffman block decoded before its start is taken to hold. */
const FIXED_SYMBOLS_CHECKED = 64;
/** RFC 1951 §3.2.5: base lengths and extra bits of length symbols 257..285. */
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** RFC 1951 §3.2.5: base distances of distance codes 0..29 (extra bits: max(0, code/2 - 1)). */
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
/** Order in which a dynamic block gives its code length code lengths (RFC 1951 §3.2.7). */
const CODE_LENGTH_CODES = 19;

/**
 * Whether deflate data (RFC 1951) could start at byte `at` of `bytes`, told cheaply in JS so a
 * chance zlib header in binary data is refused without starting an inflater: the first block's
 * type is not the reserved 3; a stored block's LEN is the complement of its NLEN; a dynamic block
 * has at most 286 literal/length and 30 distance codes and a complete code length code (zlib
 * refuses any other); a fixed-Huffman block's first FIXED_SYMBOLS_CHECKED symbols are valid and
 * copy nothing from before the stream's start, save from the `preset` bytes of a preset
 * dictionary (RFC 1950 FDICT; 0 without one). Bytes that end first are taken to hold (the
 * inflater decides). Random data passes about once in a few hundred candidates.
 */
export function deflateMayStartAt(bytes: Uint8Array, at: number, preset = 0): boolean {
  const bits = new BitReader(bytes, at);
  bits.read(1);
  const type = bits.read(2);
  if (type === 3) return false;
  if (type === 0) return storedBlockHolds(bytes, at);
  return type === 2 ? dynamicHeaderHolds(bits) : fixedSymbolsHold(bits, preset);
}

function storedBlockHolds(bytes: Uint8Array, at: number): boolean {
  // The 3 header bits are followed by padding to the byte boundary, then LEN and NLEN.
  if (at + 5 > bytes.length) return true;
  const length = (bytes[at + 1] ?? 0) | ((bytes[at + 2] ?? 0) << 8);
  const complement = (bytes[at + 3] ?? 0) | ((bytes[at + 4] ?? 0) << 8);
  return (length ^ complement) === 0xffff;
}

function dynamicHeaderHolds(bits: BitReader): boolean {
  const literalCodes = bits.read(5) + 257;
  const distanceCodes = bits.read(5) + 1;
  const lengthCodes = bits.read(4) + 4;
  if (literalCodes > 286 || distanceCodes > 30) return false;
  // Kraft sum of the code length code in units of 2^-7 (lengths 1..7): complete means exactly 128.
  let sum = 0;
  for (let index = 0; index < lengthCodes && index < CODE_LENGTH_CODES; index += 1) {
    const length = bits.read(3);
    if (bits.ended) return true;
    if (length > 0) sum += 1 << (7 - length);
  }
  return sum === 128;
}

function fixedSymbolsHold(bits: BitReader, preset: number): boolean {
  let written = preset;
  for (let count = 0; count < FIXED_SYMBOLS_CHECKED; count += 1) {
    const symbol = fixedSymbol(bits);
    if (bits.ended) return true;
    if (symbol < 256) {
      written += 1;
      continue;
    }
    if (symbol === 256) return true;
    if (symbol > 285) return false;
    const length = LENGTH_BASE[symbol - 257] ?? 0;
    bits.read(LENGTH_EXTRA[symbol - 257] ?? 0);
    const code = bits.readCode(5);
    if (code > 29) return false;
    const distance = (DISTANCE_BASE[code] ?? 0) + bits.read(Math.max(0, (code >> 1) - 1));
    if (bits.ended) return true;
    if (distance > written) return false;
    written += length;
  }
  return true;
}

/** A symbol of the fixed literal/length code (RFC 1951 §3.2.6): 7, 8 or 9 bits, read code bit first. */
function fixedSymbol(bits: BitReader): number {
  let code = bits.readCode(7);
  if (code <= 0x17) return 256 + code;
  code = (code << 1) | bits.read(1);
  if (code >= 0x30 && code <= 0xbf) return code - 0x30;
  if (code >= 0xc0 && code <= 0xc7) return 280 + code - 0xc0;
  code = (code << 1) | bits.read(1);
  return 144 + code - 0x190;
}

/** Reads bits least significant first, as deflate packs them; past the end it reads zeros and says `ended`. */
class BitReader {
  private bit: number;
  ended = false;

  constructor(
    private readonly bytes: Uint8Array,
    at: number,
  ) {
    this.bit = at * 8;
  }

  /** A number of `count` bits, its least significant bit first (header fields, extra bits). */
  read(count: number): number {
    let value = 0;
    for (let index = 0; index < count; index += 1) value |= this.next() << index;
    return value;
  }

  /** A Huffman code of `count` bits, its most significant bit first. */
  readCode(count: number): number {
    let value = 0;
    for (let index = 0; index < count; index += 1) value = (value << 1) | this.next();
    return value;
  }

  private next(): number {
    const byte = this.bytes[this.bit >> 3];
    if (byte === undefined) {
      this.ended = true;
      return 0;
    }
    const value = (byte >> (this.bit & 7)) & 1;
    this.bit += 1;
    return value;
  }
}
