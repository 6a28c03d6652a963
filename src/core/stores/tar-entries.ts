/** A tar block: headers and data are laid out in 512-byte blocks (POSIX.1-2001 `ustar`, pax). */
const BLOCK = 512;
/** `ustar` at offset 257 marks a POSIX (`ustar\0`) or GNU (`ustar  `) header. */
const MAGIC_OFFSET = 257;
const MAGIC = 'ustar';

/** True when `bytes` start with a ustar header (POSIX or GNU tar; old v7 archives carry no mark). */
export function isTar(bytes: Uint8Array): boolean {
  if (bytes.length < BLOCK) return false;
  return (
    Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC_OFFSET, MAGIC.length).toString('latin1') === MAGIC
  );
}

/**
 * The data of every entry of a tar archive, in order (POSIX.1-2001 pax `ustar` and GNU tar):
 * regular files and also the archive's own text entries (pax extended headers `x`/`g`, GNU long
 * names `L`/`K`), which a reader sees too. Sizes are read in octal, or base-256 (GNU, a leading
 * 0x80 byte). Walks the headers alone, without copying data. Undefined when the archive cannot
 * be read whole: a header without the ustar mark or with a bad checksum, a size that is not a
 * number, an entry running past the end, a sparse file (`S`, whose data is not the file). Two
 * zero blocks, or the end of the bytes on a block boundary, end it.
 */
export function tarEntries(bytes: Buffer): Buffer[] | undefined {
  const entries: Buffer[] = [];
  let at = 0;
  while (at + BLOCK <= bytes.length) {
    const header = bytes.subarray(at, at + BLOCK);
    if (header.every((byte) => byte === 0)) return entries;
    if (!isTar(header) || !checksumHolds(header)) return undefined;
    const size = entrySize(header);
    const type = String.fromCharCode(header[156] ?? 0);
    if (size === undefined || type === 'S') return undefined;
    const start = at + BLOCK;
    if (start + size > bytes.length) return undefined;
    // Links, directories and devices have no data; everything else a reader can extract is read.
    if (!'123456'.includes(type)) entries.push(bytes.subarray(start, start + size));
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return at === bytes.length ? entries : undefined;
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
