import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { isPng, pngTextChunks } from './png-text-chunks.js';
import { isTar, tarEntries } from './tar-entries.js';
import { decodeUtf16, utf16Form } from './utf16-text.js';

/**
 * Bytes decompressed, over all archives and streams nested in one body, before it goes as not
 * scanned: far beyond the generated files and logs the artifact stores keep, and small enough that
 * a decompression bomb (1 KiB of gzip can inflate to 1 MiB) costs a bounded scan.
 */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
/** Archives inside archives followed (a `.tgz` is a tar inside a gzip stream); deeper goes as not scanned. */
const MAX_NESTING = 4;

const GZIP_MAGIC = [0x1f, 0x8b];
/** xz's stream header magic (The .xz File Format 1.2.1 §2.1.1.1). */
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
/**
 * bzip2: `BZh`, a block size digit, then a block's magic (the digits of pi) or, for an empty
 * stream, the end-of-stream magic (sqrt pi).
 */
// eslint-disable-next-line no-control-regex -- the end-of-stream magic is binary, 0x17 among it
const BZIP2_HEADER = /^BZh[1-9](?:\x31\x41\x59\x26\x53\x59|\x17\x72\x45\x38\x50\x90)/;
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_RECORD = 0x06054b50;
/** The end record is 22 bytes, then a comment of at most 65,535 (PKWARE APPNOTE 6.3.10 §4.3.16). */
const ZIP_END_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;

/**
 * Every text a reader can get out of `bytes` that are not UTF-8 text, to scan for secrets: the bytes
 * themselves read one byte a character (latin1) and, when they look like it, as UTF-16
 * (`utf16Form`); for a gzip stream, a zip archive or a tar archive (found by their signatures)
 * each decompressed stream or entry read the same way, nested archives included; and for a PNG
 * image the texts of its `tEXt`, `iTXt` and `zTXt` chunks (compressed ones inflated), each as
 * `keyword: text`. Undefined when something that must be read cannot be: a bzip2 or xz stream
 * (Node has no decoder for either, so they are never claimed scanned), a gzip stream or zip
 * archive that does not decompress, an entry encrypted or compressed by another method than
 * deflate, ZIP64, a tar archive whose headers do not read, a PNG whose chunks or text chunks do
 * not, nesting past MAX_NESTING, or more than MAX_INFLATED_BYTES decompressed or unpacked in all
 * (the caller fails closed).
 */
export function readableTexts(bytes: Uint8Array): string[] | undefined {
  const texts: string[] = [];
  const budget = { left: MAX_INFLATED_BYTES };
  return collect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, budget, texts)
    ? texts
    : undefined;
}

/**
 * True when `bytes` start like an archive or a compressed stream: gzip, bzip2, xz, a zip archive
 * (a local file header or, empty, its end record), a tar archive (a ustar header). Such bytes are
 * never redacted in place as text (an entry's size would no longer hold).
 */
export function isCompressed(bytes: Uint8Array): boolean {
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) return true;
  if (isUndecodable(bytes) || isTar(bytes)) return true;
  if (bytes.length < 4) return false;
  const signature = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0);
  return signature === ZIP_LOCAL_HEADER;
}

/** A bzip2 or xz stream: compressed by a method this module has no decoder for. */
function isUndecodable(bytes: Uint8Array): boolean {
  if (XZ_MAGIC.every((byte, index) => bytes[index] === byte)) return true;
  return BZIP2_HEADER.test(
    Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(10, bytes.length)).toString('latin1'),
  );
}

function collect(bytes: Buffer, depth: number, budget: { left: number }, into: string[]): boolean {
  into.push(bytes.toString('latin1'));
  const wide = utf16Form(bytes);
  if (wide !== undefined) into.push(decodeUtf16(bytes, wide));
  if (isPng(bytes)) return collectPngTexts(bytes, budget, into);
  if (!isCompressed(bytes)) return true;
  if (isUndecodable(bytes) || depth >= MAX_NESTING) return false;
  const contents =
    bytes[0] === GZIP_MAGIC[0]
      ? [gunzipped(bytes, budget)]
      : isTar(bytes)
        ? tarWithin(bytes, budget)
        : zipEntries(bytes, budget);
  if (contents === undefined) return false;
  return contents.every((content) => content !== undefined && collect(content, depth + 1, budget, into));
}

/** A tar archive's entries, their sizes counted against the budget; undefined past it or when it does not read. */
function tarWithin(bytes: Buffer, budget: { left: number }): Buffer[] | undefined {
  const entries = tarEntries(bytes);
  if (entries === undefined) return undefined;
  budget.left -= entries.reduce((total, entry) => total + entry.length, 0);
  return budget.left < 0 ? undefined : entries;
}

/** Adds a PNG's text chunks as `keyword: text`, compressed ones inflated within the budget; false when one cannot be read. */
function collectPngTexts(bytes: Buffer, budget: { left: number }, into: string[]): boolean {
  const chunks = pngTextChunks(bytes);
  if (chunks === undefined) return false;
  for (const chunk of chunks) {
    const data = chunk.compressed
      ? inflatedWithin((options) => inflateSync(chunk.data, options), budget)
      : chunk.data;
    if (data === undefined) return false;
    into.push(`${chunk.keyword}: ${data.toString(chunk.encoding)}`);
  }
  return true;
}

/** `inflate(bytes)` within the budget, which it uses up; undefined when it fails or would pass it. */
function inflatedWithin(
  inflate: (options: { maxOutputLength: number }) => Buffer,
  budget: { left: number },
): Buffer | undefined {
  if (budget.left <= 0) return undefined;
  try {
    const out = inflate({ maxOutputLength: budget.left });
    budget.left -= out.length;
    return out;
  } catch {
    return undefined;
  }
}

function gunzipped(bytes: Buffer, budget: { left: number }): Buffer | undefined {
  return inflatedWithin((options) => gunzipSync(bytes, options), budget);
}

/**
 * Each entry's data of a zip archive, decompressed, as its central directory lists them (APPNOTE
 * §4.3.12: method, sizes, where the local header is); stored entries count against the budget as
 * inflated ones do. Undefined when the archive cannot be read, passes the budget, or lists entries
 * whose local records overlap (one entry listed many times: a zip bomb by overlap).
 */
function zipEntries(bytes: Buffer, budget: { left: number }): (Buffer | undefined)[] | undefined {
  try {
    const end = endRecordAt(bytes);
    if (end === undefined) return undefined;
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    const entries: (Buffer | undefined)[] = [];
    const records: [number, number][] = [];
    for (let index = 0; index < count; index += 1) {
      if (bytes.readUInt32LE(at) !== ZIP_CENTRAL_HEADER) return undefined;
      const flags = bytes.readUInt16LE(at + 8);
      const method = bytes.readUInt16LE(at + 10);
      const size = bytes.readUInt32LE(at + 20);
      const local = bytes.readUInt32LE(at + 42);
      // Encrypted (bit 0) or ZIP64 (sizes in an extra field): not read here.
      if ((flags & 1) !== 0 || size === 0xffffffff || local === 0xffffffff) return undefined;
      if (bytes.readUInt32LE(local) !== ZIP_LOCAL_HEADER) return undefined;
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      if (start + size > bytes.length) return undefined;
      const data = bytes.subarray(start, start + size);
      records.push([local, start + size]);
      if (method === STORED) {
        budget.left -= size;
        if (budget.left < 0) return undefined;
        entries.push(data);
      } else if (method === DEFLATED)
        entries.push(inflatedWithin((options) => inflateRawSync(data, options), budget));
      else return undefined;
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    return overlaps(records) ? undefined : entries;
  } catch {
    // A read past the end (RangeError): not an archive this reads.
    return undefined;
  }
}

/** Whether any two of the `[start, end)` byte ranges share a byte. */
function overlaps(ranges: [number, number][]): boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let reached = 0;
  for (const [start, end] of sorted) {
    if (start < reached) return true;
    reached = Math.max(reached, end);
  }
  return false;
}

/** Where the end of central directory record starts: the last signature within its search window. */
function endRecordAt(bytes: Buffer): number | undefined {
  const from = Math.max(0, bytes.length - ZIP_END_SEARCH);
  for (let at = bytes.length - 22; at >= from; at -= 1) {
    if (bytes.readUInt32LE(at) === ZIP_END_RECORD) return at;
  }
  return undefined;
}
