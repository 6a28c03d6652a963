import { inflateSync } from 'node:zlib';
import { embeddedContents, holdsArchive } from './embedded-archives.js';
import { inflatedWithin, type InflateBudget } from './inflate-budget.js';
import { isPng, pngImage, type PngText } from './png-text-chunks.js';
import { decodeUtf16, utf16Form, utf16Runs } from './utf16-text.js';
import { decodeUtf32, utf32Form, utf32Runs } from './utf32-text.js';

/**
 * Bytes decompressed, over all archives and streams nested in one body, before it goes as not
 * scanned: far beyond the generated files and logs the artifact stores keep, and small enough that
 * a decompression bomb (1 KiB of gzip can inflate to 1 MiB) costs a bounded scan.
 */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
/** Archives inside archives followed (a `.tgz` is a tar inside a gzip stream); deeper goes as not scanned. */
const MAX_NESTING = 4;

/**
 * Every text a reader can get out of `bytes` that are not UTF-8 text, to scan for secrets: the bytes
 * themselves read one byte a character (latin1), as UTF-32 when they look like it (`utf32Form`) and as UTF-16, whole when they look like it
 * (`utf16Form`) or else each run of UTF-16 text in them (`utf16Runs`: strings of a Windows binary,
 * UTF-16 whose start is not ASCII); every gzip member, zlib stream (a git object, a PDF's
 * `/FlateDecode` stream), zip archive and tar archive found anywhere in them, not only at byte 0 (`embeddedContents`), each decompressed stream or entry read the
 * same way, nested archives included; and for a PNG image the texts of its `tEXt`, `iTXt` and
 * `zTXt` chunks (compressed ones inflated), each as `keyword: text`, and whatever follows its IEND
 * chunk read as a file of its own. Undefined when something that must be read cannot be: a
 * bzip2, xz, Zstandard, LZ4, 7z, RAR, lzip or Unix `compress` stream anywhere (Node has no decoder for them, so they are
 * never claimed scanned), a gzip stream or zip archive that does not decompress, a zip record
 * outside every zip read, an entry encrypted or compressed by another method than deflate, ZIP64,
 * a zlib stream that starts reading and breaks later, a tar archive whose headers do not read, a PNG whose chunks or text chunks do not, nesting past
 * MAX_NESTING, or more than MAX_INFLATED_BYTES decompressed or unpacked in all (the caller fails
 * closed).
 */
export function readableTexts(bytes: Uint8Array): string[] | undefined {
  const texts: string[] = [];
  const budget = { left: MAX_INFLATED_BYTES };
  return collect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, budget, texts)
    ? texts
    : undefined;
}

/**
 * True when an archive or compressed stream starts anywhere in `bytes` (`holdsArchive`): a zip,
 * gzip or tar at any offset, or a stream with no decoder here (bzip2, xz, Zstandard, LZ4, 7z,
 * RAR, lzip, `compress`). Such bytes are never redacted in place as text (an entry's size would no longer hold, and
 * compressed data is not readable as text): they are read by `readableTexts`.
 */
export function isCompressed(bytes: Uint8Array): boolean {
  return holdsArchive(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

function collect(bytes: Buffer, depth: number, budget: InflateBudget, into: string[]): boolean {
  into.push(bytes.toString('latin1'));
  pushUtf16Readings(bytes, into);
  const nested: Buffer[] = [];
  if (isPng(bytes)) {
    const image = pngImage(bytes);
    if (image === undefined || !collectPngTexts(image.texts, budget, into)) return false;
    // What follows IEND is a file of its own to a reader: its archives are found below with the
    // whole (a zip appended to an image counts its offsets from the image's start), its UTF-16 here,
    // and another image appended is read as one.
    const rest = bytes.subarray(image.end);
    pushUtf16Readings(rest, into);
    if (isPng(rest)) nested.push(rest);
  }
  const contents = embeddedContents(bytes, budget);
  if (contents === undefined) return false;
  nested.push(...contents);
  if (nested.length > 0 && depth >= MAX_NESTING) return false;
  return nested.every((content) => collect(content, depth + 1, budget, into));
}

/** `bytes` read as UTF-32 when they look like it (`utf32Form`), and as UTF-16: whole when they look like UTF-16 text (`utf16Form`), else each run of UTF-16 in them (`utf16Runs`). */
function pushUtf16Readings(bytes: Buffer, into: string[]): void {
  const widest = utf32Form(bytes);
  if (widest !== undefined) into.push(decodeUtf32(bytes, widest));
  else into.push(...utf32Runs(bytes));
  const wide = utf16Form(bytes);
  if (wide !== undefined) into.push(decodeUtf16(bytes, wide));
  else into.push(...utf16Runs(bytes));
}

/** Adds a PNG's text chunks as `keyword: text`, compressed ones inflated within the budget; false when one cannot be read. */
function collectPngTexts(chunks: readonly PngText[], budget: InflateBudget, into: string[]): boolean {
  for (const chunk of chunks) {
    const data = chunk.compressed
      ? inflatedWithin((options) => inflateSync(chunk.data, options), budget)
      : chunk.data;
    if (data === undefined) return false;
    into.push(`${chunk.keyword}: ${data.toString(chunk.encoding)}`);
  }
  return true;
}
