import { inflateRawSync } from 'node:zlib';
import { inflatedWithin, type InflateBudget } from './inflate-budget.js';

/** Record signatures (PKWARE APPNOTE 6.3.10 §4.3.7, §4.3.12, §4.3.14, §4.3.15, §4.3.16), little-endian. */
export const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
export const ZIP_END_RECORD = 0x06054b50;
/** ZIP64 end record and its locator: this reader does not read ZIP64. */
const ZIP64_END_RECORD = 0x06064b50;
const ZIP64_END_LOCATOR = 0x07064b50;
/**
 * Signatures a zip reader acts on: each one found in a body must lie in a zip this module read,
 * or the body goes as not scanned (a local header alone is enough for a streaming reader).
 */
export const ZIP_SIGNATURES = [
  ZIP_LOCAL_HEADER,
  ZIP_CENTRAL_HEADER,
  ZIP_END_RECORD,
  ZIP64_END_RECORD,
  ZIP64_END_LOCATOR,
] as const;
const END_RECORD_BYTES = 22;
const STORED = 0;
const DEFLATED = 8;

/** A zip read from its end record: each entry's data, decompressed, and the byte ranges `[start, end)` its records take. */
export interface ZipArchive {
  readonly entries: Buffer[];
  readonly ranges: [number, number][];
}

/**
 * The zip whose end of central directory record is at `endAt`, read as unzip and Python's
 * zipfile read it wherever it sits in the file (APPNOTE §4.3.16): the central directory is the
 * `size` bytes just before the end record, and when it is not where the record says, the
 * difference (bytes before the archive: a self-extractor's stub, an image) shifts every local
 * header offset too. Each entry's data comes decompressed as its central header lists it
 * (method, sizes, where the local header is); stored entries count against the budget as inflated
 * ones do. Undefined when the archive cannot be read, passes the budget, is ZIP64, holds an
 * encrypted entry or one compressed by another method than deflate, or lists entries whose local
 * records overlap (one entry listed many times: a zip bomb by overlap) or take bytes `isTaken`
 * says another archive read already (so many end records cannot make one large entry be read
 * many times: the reads of one body stay linear in its size).
 */
export function zipArchiveAt(
  bytes: Buffer,
  endAt: number,
  budget: InflateBudget,
  isTaken: (range: readonly [number, number]) => boolean,
): ZipArchive | undefined {
  try {
    const count = bytes.readUInt16LE(endAt + 10);
    const directorySize = bytes.readUInt32LE(endAt + 12);
    const directoryAt = endAt - directorySize;
    const shift = directoryAt - bytes.readUInt32LE(endAt + 16);
    if (directoryAt < 0 || shift < 0) return undefined;
    const commentEnd = Math.min(bytes.length, endAt + END_RECORD_BYTES + bytes.readUInt16LE(endAt + 20));
    const entries: Buffer[] = [];
    const records: [number, number][] = [];
    let at = directoryAt;
    for (let index = 0; index < count; index += 1) {
      if (at >= endAt || bytes.readUInt32LE(at) !== ZIP_CENTRAL_HEADER) return undefined;
      const entry = entryData(bytes, at, shift, budget, isTaken);
      if (entry === undefined) return undefined;
      entries.push(entry.data);
      records.push(entry.record);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    if (overlaps(records)) return undefined;
    return { entries, ranges: [...records, [directoryAt, commentEnd]] };
  } catch {
    // A read past the end (RangeError): not an archive this reads.
    return undefined;
  }
}

/** The data of the entry whose central header is at `at`, and the range its local record takes. */
function entryData(
  bytes: Buffer,
  at: number,
  shift: number,
  budget: InflateBudget,
  isTaken: (range: readonly [number, number]) => boolean,
): { data: Buffer; record: [number, number] } | undefined {
  const flags = bytes.readUInt16LE(at + 8);
  const method = bytes.readUInt16LE(at + 10);
  const size = bytes.readUInt32LE(at + 20);
  const stated = bytes.readUInt32LE(at + 42);
  // Encrypted (bit 0) or ZIP64 (sizes in an extra field): not read here.
  if ((flags & 1) !== 0 || size === 0xffffffff || stated === 0xffffffff) return undefined;
  const local = stated + shift;
  if (bytes.readUInt32LE(local) !== ZIP_LOCAL_HEADER) return undefined;
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (start + size > bytes.length) return undefined;
  const raw = bytes.subarray(start, start + size);
  const record: [number, number] = [local, start + size];
  if (isTaken(record)) return undefined;
  if (method === STORED) {
    budget.left -= size;
    return budget.left < 0 ? undefined : { data: raw, record };
  }
  if (method !== DEFLATED) return undefined;
  const data = inflatedWithin((options) => inflateRawSync(raw, options), budget);
  return data === undefined ? undefined : { data, record };
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
