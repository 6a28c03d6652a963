/** The PNG signature (ISO/IEC 15948, PNG 3rd edition §5.2). */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when `bytes` start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** One text chunk's text: as written, or zlib-compressed (to inflate before reading). */
export interface PngText {
  readonly keyword: string;
  /** The text's bytes: Latin-1 for `tEXt`/`zTXt`, UTF-8 for `iTXt`. */
  readonly data: Buffer;
  readonly compressed: boolean;
  readonly encoding: 'latin1' | 'utf8';
}

/**
 * The texts of a PNG's `tEXt`, `zTXt` and `iTXt` chunks (PNG 3rd edition §11.3.3), in order; an
 * `iTXt`'s translated keyword is given as a text of its own. Walks the chunks by their lengths,
 * without checking CRCs (a reader's tool may not either). Undefined when the chunk layout cannot be
 * read (a length past the end) or a text chunk is malformed (no keyword separator, or a
 * compression method other than 0, zlib): the caller then treats the image as not scanned.
 */
export function pngTextChunks(bytes: Buffer): PngText[] | undefined {
  return pngImage(bytes)?.texts;
}

/**
 * A PNG read as `pngTextChunks` reads it, and `end`: where the image ends (after its IEND chunk, or
 * the end of the bytes). Whatever follows `end` is not the image's: a reader (unzip, a carver) may
 * find a file there, so the caller reads it as one.
 */
export function pngImage(bytes: Buffer): { texts: PngText[]; end: number } | undefined {
  const texts: PngText[] = [];
  let at = SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const start = at + 8;
    if (start + length + 4 > bytes.length) return undefined;
    const data = bytes.subarray(start, start + length);
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const read = textOf(type, data);
      if (read === undefined) return undefined;
      texts.push(...read);
    }
    at = start + length + 4;
    if (type === 'IEND') return { texts, end: at };
  }
  return at === bytes.length ? { texts, end: at } : undefined;
}

function textOf(type: string, data: Buffer): PngText[] | undefined {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd === -1) return undefined;
  const keyword = data.toString('latin1', 0, keywordEnd);
  if (type === 'tEXt')
    return [{ keyword, data: data.subarray(keywordEnd + 1), compressed: false, encoding: 'latin1' }];
  if (type === 'zTXt') {
    if (data[keywordEnd + 1] !== 0) return undefined;
    return [{ keyword, data: data.subarray(keywordEnd + 2), compressed: true, encoding: 'latin1' }];
  }
  // iTXt: keyword, compression flag, method, language tag, translated keyword, text.
  const flag = data[keywordEnd + 1];
  if ((flag !== 0 && flag !== 1) || (flag === 1 && data[keywordEnd + 2] !== 0)) return undefined;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd === -1 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd === -1) return undefined;
  const translated = data.subarray(languageEnd + 1, translatedEnd);
  return [
    { keyword, data: translated, compressed: false, encoding: 'utf8' },
    { keyword, data: data.subarray(translatedEnd + 1), compressed: flag === 1, encoding: 'utf8' },
  ];
}
