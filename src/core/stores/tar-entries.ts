/** A tar block: headers and data are laid out in 512-byte blocks (POSIX.1-2001 `ustar`, pax). */
const BLOCK = 512;
/** `ustar` at offset 257 marks a POSIX (`ustar\0`) or GNU (`ustar  `) header. */
const MAGIC_OFFSET = 257;
const MAGIC = 'ustar';

/**
 * True when `bytes` start with a tar header: a ustar one (POSIX or GNU tar), or an old v7 one,
 * which carries no mark and is known by its checksum holding (as GNU tar still reads it).
 */
export function isTar(bytes: Uint8Array): boolean {
  if (bytes.length < BLOCK) return false;
  const header = Buffer.from(bytes.buffer, bytes.byteOffset, BLOCK);
  return (
    header.toString('latin1', MAGIC_OFFSET, MAGIC_OFFSET + MAGIC.length) === MAGIC || checksumHolds(header)
  );
}

/**
 * The data of every entry of a tar archive, in order (POSIX.1-2001 pax `ustar`, GNU tar, and old
 * v7 headers without the ustar mark): regular files and also the archive's own text entries (pax
 * extended headers `x`/`g`, GNU long names `L`/`K`), which a reader sees too. Sizes are read in
 * octal, or base-256 (GNU, a leading 0x80 byte); a pax `x` header's `size` record stands for the
 * next entry's size, as GNU tar, bsdtar and node-tar take it (POSIX.1-2001 pax, "size"). Walks
 * the headers alone, without copying data. Undefined when the archive cannot be read whole as a
 * reader reads it: a header with a bad checksum, a size that is not a number, an entry running
 * past the end, a sparse file (`S`, or pax `GNU.sparse.*` records: its data is not the file), a
 * pax header whose records do not read, or a global (`g`) one that sets a size. Two zero blocks,
 * or the end of the bytes on a block boundary, end it.
 */
export function tarEntries(bytes: Buffer): Buffer[] | undefined {
  return tarArchive(bytes)?.entries;
}

/** A tar archive read as `tarEntries` reads it, and `end`: where its entries end (its first zero block, or the end of the bytes). */
export function tarArchive(bytes: Buffer): { entries: Buffer[]; end: number } | undefined {
  const entries: Buffer[] = [];
  let at = 0;
  let paxSize: number | undefined;
  while (at + BLOCK <= bytes.length) {
    const header = bytes.subarray(at, at + BLOCK);
    if (header.every((byte) => byte === 0)) return { entries, end: at };
    if (!checksumHolds(header)) return undefined;
    const type = String.fromCharCode(header[156] ?? 0);
    const isMeta = 'xgLK'.includes(type);
    const size = isMeta ? entrySize(header) : (paxSize ?? entrySize(header));
    if (size === undefined || type === 'S') return undefined;
    const start = at + BLOCK;
    if (start + size > bytes.length) return undefined;
    const data = bytes.subarray(start, start + size);
    if (type === 'x' || type === 'g') {
      const records = paxRecords(data);
      if (records === undefined || [...records.keys()].some((key) => key.startsWith('GNU.sparse')))
        return undefined;
      const recordSize = records.get('size');
      if (recordSize !== undefined) {
        if (type === 'g' || !/^\d{1,15}$/.test(recordSize)) return undefined;
        paxSize = Number(recordSize);
      }
    } else if (!isMeta) paxSize = undefined;
    // Links, directories and devices have no data; everything else a reader can extract is read.
    if (!'123456'.includes(type)) entries.push(data);
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return at === bytes.length ? { entries, end: at } : undefined;
}

/**
 * True when the 512 bytes at `at` are a tar header (its checksum holds), as GNU tar finds one when
 * it skips blocks that are not ("Skipping to next header"). A cheap look at the checksum field
 * first, so a walk over every block of a large file stays linear with a small factor.
 */
export function isTarHeaderAt(bytes: Buffer, at: number): boolean {
  if (at + BLOCK > bytes.length) return false;
  const first = bytes[at + 148] ?? 0;
  if (first !== 0x20 && (first < 0x30 || first > 0x37)) return false;
  return checksumHolds(bytes.subarray(at, at + BLOCK));
}

/**
 * True when the block at `at` carries the ustar mark (offset 257), whether or not its checksum
 * holds: a damaged header, which a lenient reader may still take for one.
 */
export function hasUstarMarkAt(bytes: Buffer, at: number): boolean {
  return (
    at + BLOCK <= bytes.length &&
    bytes.toString('latin1', at + MAGIC_OFFSET, at + MAGIC_OFFSET + MAGIC.length) === MAGIC
  );
}

/** The tar block size in bytes. */
export const TAR_BLOCK = BLOCK;

/**
 * A pax extended header's records (`<length> <keyword>=<value>\n`, the length counting the whole
 * record; POSIX.1-2001 pax), the last of each keyword kept; undefined when they do not read.
 */
function paxRecords(data: Buffer): Map<string, string> | undefined {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    // Padding after the last record is NULs.
    if (data[at] === 0) return data.subarray(at).every((byte) => byte === 0) ? records : undefined;
    const space = data.indexOf(0x20, at);
    if (space < 0 || space - at > 15) return undefined;
    const lengthText = data.toString('latin1', at, space);
    if (!/^\d+$/.test(lengthText)) return undefined;
    const end = at + Number(lengthText);
    if (end <= space + 1 || end > data.length || data[end - 1] !== 0x0a) return undefined;
    const record = data.toString('utf8', space + 1, end - 1);
    const equals = record.indexOf('=');
    if (equals < 1) return undefined;
    records.set(record.slice(0, equals), record.slice(equals + 1));
    at = end;
  }
  return records;
}

/** The entry's size in bytes: octal digits (NUL or space ended), or GNU's base-256 for large files. */
function entrySize(header: Buffer): number | undefined {
  const field = header.subarray(124, 136);
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let size = (field[0] ?? 0) & 0x7f;
    for (const byte of field.subarray(1)) size = size * 256 + byte;
    return Number.isSafeInteger(size) ? size : undefined;
  }
  const digits = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : digits === '' ? 0 : undefined;
}

/** The header's checksum: the sum of its bytes with the checksum field read as spaces (POSIX tar). */
function checksumHolds(header: Buffer): boolean {
  const written = header
    .subarray(148, 156)
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]+$/.test(written)) return false;
  let sum = 0;
  for (let index = 0; index < BLOCK; index += 1)
    sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0);
  return sum === parseInt(written, 8);
}
