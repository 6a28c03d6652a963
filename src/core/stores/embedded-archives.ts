import { gzipMemberAt, isGzipHeaderAt } from './gzip-member.js';
import type { InflateBudget } from './inflate-budget.js';
import { hasUstarMarkAt, isTarHeaderAt, tarArchive, TAR_BLOCK } from './tar-entries.js';
import { ZIP_END_RECORD, ZIP_SIGNATURES, zipArchiveAt } from './zip-entries.js';
import { isZlibHeaderAt, zlibStreamAt } from './zlib-stream.js';

const GZIP_ID = Buffer.from([0x1f, 0x8b, 0x08]);
const zipSignatures = ZIP_SIGNATURES.map((signature) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(signature);
  return bytes;
});
const ZIP_END = zipSignatures[ZIP_SIGNATURES.indexOf(ZIP_END_RECORD)] ?? Buffer.alloc(4);

/**
 * Magic numbers of streams and archives Node has no reader for, so never claimed scanned: xz (The
 * .xz File Format 1.2.1 §2.1.1.1), Zstandard (RFC 8878 §3.1.1), LZ4 frames (LZ4 Frame Format 1.6.4
 * §General structure), 7z (7zFormat.txt: signature header) and RAR 4/5 (`Rar!` 1A 07).
 */
const UNDECODABLE_MAGICS = [
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
  [0x28, 0xb5, 0x2f, 0xfd],
  [0x04, 0x22, 0x4d, 0x18],
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07],
].map((magic) => Buffer.from(magic));
/**
 * bzip2: `BZh`, a block size digit, then a block's magic (the digits of pi) or, for an empty
 * stream, the end-of-stream magic (sqrt pi).
 */
// eslint-disable-next-line no-control-regex -- the end-of-stream magic is binary, 0x17 among it
const BZIP2_HEADER = /BZh[1-9](?:\x31\x41\x59\x26\x53\x59|\x17\x72\x45\x38\x50\x90)/;

/**
 * True when an archive or compressed stream starts anywhere in `bytes`, not only at byte 0 (a
 * zip after a self-extractor's stub or an image, a gzip stream after a PNG's IEND, a tar whose
 * first block is junk, which GNU tar skips): a zip record signature, a gzip member header
 * (`isGzipHeaderAt`), a tar header at any 512-byte block (`isTarHeaderAt`, or a damaged one with
 * the ustar mark), or the magic of a
 * stream this module cannot decompress (`hasUndecodableStream`). zlib streams (`readZlibStreams`)
 * are not looked for here: their 2-byte header is too common to say bytes hold one. Linear in the size: one search
 * per signature and a look at each block. Text that merely contains "PK" or "BZh" is not one.
 */
export function holdsArchive(bytes: Buffer): boolean {
  if (hasUndecodableStream(bytes) || zipSignatures.some((signature) => bytes.includes(signature)))
    return true;
  for (let at = bytes.indexOf(GZIP_ID); at !== -1; at = bytes.indexOf(GZIP_ID, at + 1))
    if (isGzipHeaderAt(bytes, at)) return true;
  for (let at = 0; at + TAR_BLOCK <= bytes.length; at += TAR_BLOCK)
    if (isTarHeaderAt(bytes, at) || hasUstarMarkAt(bytes, at)) return true;
  return false;
}

/**
 * True when `bytes` hold the magic of a bzip2, xz, Zstandard, LZ4, 7z, RAR, lzip or Unix
 * `compress` stream anywhere.
 */
export function hasUndecodableStream(bytes: Buffer): boolean {
  if (UNDECODABLE_MAGICS.some((magic) => bytes.includes(magic))) return true;
  for (let at = bytes.indexOf('BZh'); at !== -1; at = bytes.indexOf('BZh', at + 1))
    if (BZIP2_HEADER.test(bytes.toString('latin1', at, at + 10))) return true;
  for (let at = bytes.indexOf(LZIP_MAGIC); at !== -1; at = bytes.indexOf(LZIP_MAGIC, at + 1))
    if (isLzipHeaderAt(bytes, at)) return true;
  for (let at = bytes.indexOf(COMPRESS_MAGIC); at !== -1; at = bytes.indexOf(COMPRESS_MAGIC, at + 1))
    if (isCompressHeaderAt(bytes, at)) return true;
  return false;
}

const LZIP_MAGIC = Buffer.from('LZIP', 'latin1');

/**
 * An lzip member header (lzip manual §Member format): `LZIP`, version 1, then the coded dictionary
 * size, whose low 5 bits are log2 of its base size, 12 to 29.
 */
function isLzipHeaderAt(bytes: Buffer, at: number): boolean {
  const log2 = (bytes[at + 5] ?? 0) & 0x1f;
  return bytes[at + 4] === 1 && at + 6 <= bytes.length && log2 >= 12 && log2 <= 29;
}

const COMPRESS_MAGIC = Buffer.from([0x1f, 0x9d]);
/** Codes of a `compress` stream checked after its header: enough that random bytes almost never pass (each about one time in two). */
const COMPRESS_CODES_CHECKED = 24;

/**
 * A Unix `compress` (.Z) header (ncompress compress.c: 1F 9D, then a flags byte whose bits 5-6 are
 * reserved zero and whose low 5 bits are the maximum code width, 9 to 16), followed by LZW codes
 * that hold: the first 9-bit codes (LSB first) each an existing entry or the one being made, the
 * first a literal, none CLEAR. Three bytes alone match random data once in about a million positions; with
 * COMPRESS_CODES_CHECKED codes, once in about 2^40.
 */
function isCompressHeaderAt(bytes: Buffer, at: number): boolean {
  const flags = bytes[at + 2];
  if (flags === undefined || (flags & 0x60) !== 0) return false;
  const maxBits = flags & 0x1f;
  if (maxBits < 9 || maxBits > 16) return false;
  const blockMode = (flags & 0x80) !== 0;
  // Code 256 is CLEAR in block mode: the first free entry is then 257.
  let free = blockMode ? 257 : 256;
  const start = (at + 3) * 8;
  const codes = Math.min(COMPRESS_CODES_CHECKED, Math.floor((bytes.length * 8 - start) / 9));
  if (codes < 1) return false;
  for (let index = 0; index < codes; index += 1) {
    const code = nineBitsAt(bytes, start + index * 9);
    // CLEAR (256 in block mode) comes only once the table is full or the ratio drops (every
    // 10,000 bytes read): never among the first codes.
    if (blockMode && code === 256) return false;
    if (index === 0 ? code > 255 : code > free) return false;
    if (index > 0) free += 1;
  }
  return true;
}

/** The 9-bit code starting at bit `bit` of `bytes`, least significant bit first (as `compress` packs them). */
function nineBitsAt(bytes: Buffer, bit: number): number {
  const byte = bit >> 3;
  const pair = (bytes[byte] ?? 0) | ((bytes[byte + 1] ?? 0) << 8);
  return (pair >> (bit & 7)) & 0x1ff;
}

/**
 * What every archive and stream found anywhere in `bytes` holds, as a reader that looks past byte
 * 0 gets it: each tar archive starting at a 512-byte block whose header holds, each zip found from
 * an end of central directory record (searched from the end, APPNOTE §4.3.16; `zipArchiveAt`),
 * each gzip member (`gzipMemberAt`), and each zlib stream outside those (`zlibStreamAt`: a chance
 * header is probed and left), each read once (an archive inside another's entry is left
 * to the reading of that entry). Undefined, for the caller to fail closed, when one does not read
 * (a block with the ustar mark whose checksum does not hold included),
 * when a zip signature lies outside every zip read (a streaming reader reads a local header
 * alone), when archives overlap, when a stream Node cannot decompress is there, when a zlib stream
 * that starts reading breaks later or too many headers need a probe, or when the budget is passed. Linear: every byte is read by at most one archive.
 */
export function embeddedContents(bytes: Buffer, budget: InflateBudget): Buffer[] | undefined {
  if (hasUndecodableStream(bytes)) return undefined;
  const taken = new TakenBytes(bytes.length);
  const contents: Buffer[] = [];
  if (!readTars(bytes, budget, taken, contents) || !readZips(bytes, budget, taken, contents))
    return undefined;
  for (const signature of zipSignatures)
    for (let at = bytes.indexOf(signature); at !== -1; at = bytes.indexOf(signature, at + 1))
      if (!taken.has(at)) return undefined;
  let at = bytes.indexOf(GZIP_ID);
  while (at !== -1) {
    let next = at + 1;
    if (!taken.has(at) && isGzipHeaderAt(bytes, at)) {
      const member = gzipMemberAt(bytes, at, budget);
      if (member === undefined) return undefined;
      contents.push(member.content);
      next = member.end;
    }
    at = bytes.indexOf(GZIP_ID, next);
  }
  return readZlibStreams(bytes, budget, taken, contents) ? contents : undefined;
}

/**
 * Inflater probes per body (`zlibStreamAt`), beyond one per ZLIB_PROBE_SPACING bytes: in random
 * data about one zlib header in 60 passes the JS look at its first block (one every 170 KiB), so
 * ordinary binary stays far below; bytes packed with headers that pass go as not scanned rather
 * than start an inflater every few bytes (about 0.3 ms each).
 */
const ZLIB_PROBES_BASE = 64;
const ZLIB_PROBE_SPACING = 16 * 1024;

/**
 * Reads each zlib stream (RFC 1950) outside what the other readers took: a git loose object, a
 * PDF's `/FlateDecode` streams, a PNG's image data. A chance header is looked at and left; false
 * when a stream that starts reading fails later, passes the budget, or the probes run out.
 */
function readZlibStreams(bytes: Buffer, budget: InflateBudget, taken: TakenBytes, into: Buffer[]): boolean {
  const probes = { left: ZLIB_PROBES_BASE + Math.floor(bytes.length / ZLIB_PROBE_SPACING) };
  for (let at = 0; at + 2 < bytes.length; at += 1) {
    // CM 8 with CINFO at most 7: a cheap first look before the whole header is checked.
    if (((bytes[at] ?? 0) & 0x8f) !== 0x08 || taken.has(at) || !isZlibHeaderAt(bytes, at)) continue;
    const stream = zlibStreamAt(bytes, at, budget, probes);
    if (stream === undefined) return false;
    if (stream === 'none') continue;
    into.push(stream.content);
    at = stream.end - 1;
  }
  return true;
}

/**
 * Reads each tar archive from a block whose header holds, skipping blocks that are no header (as
 * GNU tar does); false for a block with the ustar mark whose checksum does not hold (damaged).
 */
function readTars(bytes: Buffer, budget: InflateBudget, taken: TakenBytes, into: Buffer[]): boolean {
  for (let at = 0; at + TAR_BLOCK <= bytes.length; at += TAR_BLOCK) {
    if (!isTarHeaderAt(bytes, at)) {
      if (hasUstarMarkAt(bytes, at)) return false;
      continue;
    }
    const tar = tarArchive(bytes.subarray(at));
    if (tar === undefined) return false;
    budget.left -= tar.entries.reduce((total, entry) => total + entry.length, 0);
    if (budget.left < 0) return false;
    into.push(...tar.entries);
    taken.mark([at, at + tar.end]);
    at += tar.end - TAR_BLOCK;
  }
  return true;
}

/** Reads each zip from its end record, the last first, skipping end records inside what was read. */
function readZips(bytes: Buffer, budget: InflateBudget, taken: TakenBytes, into: Buffer[]): boolean {
  for (
    let at = bytes.lastIndexOf(ZIP_END);
    at !== -1;
    at = at === 0 ? -1 : bytes.lastIndexOf(ZIP_END, at - 1)
  ) {
    if (taken.has(at)) continue;
    const zip = zipArchiveAt(bytes, at, budget, (range) => taken.any(range));
    if (zip === undefined || zip.ranges.some((range) => taken.any(range))) return false;
    for (const range of zip.ranges) taken.mark(range);
    into.push(...zip.entries);
  }
  return true;
}

/** Which bytes of a body an archive read already took: a byte map, so marks and checks stay linear. */
class TakenBytes {
  private map: Uint8Array | undefined;

  constructor(private readonly length: number) {}

  has(at: number): boolean {
    return this.map?.[at] === 1;
  }

  /** Whether any byte of `[start, end)` is taken. */
  any([start, end]: readonly [number, number]): boolean {
    if (this.map === undefined) return false;
    const at = this.map.subarray(start, end).indexOf(1);
    return at !== -1;
  }

  mark([start, end]: readonly [number, number]): void {
    this.map ??= new Uint8Array(this.length);
    this.map.fill(1, start, end);
  }
}
