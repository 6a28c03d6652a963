import { redactJsonStrings } from '../secrets/redact-json-strings.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../secrets/secret-markers.js';
import { embeddedContents } from './embedded-archives.js';
import { isCompressed, MAX_INFLATED_BYTES, readableTexts } from './readable-texts.js';
import { decodeUtf16, encodeUtf16, utf16Form, utf16Runs, utf16RunSpans } from './utf16-text.js';
import { decodeUtf32, encodeUtf32, utf32Form, utf32Runs } from './utf32-text.js';

/** Where an attempt keeps its generated files (`storeAttemptArtifacts`): `files/<repository path>`. */
export const GENERATED_FILES_PREFIX = 'files/';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An artifact's bytes as an artifact store may keep them (issue #10: secrets never reach what the
 * mirrors keep), at the store's boundary alone, so no caller can store a secret by forgetting to
 * redact first and callers do not redact again. Idempotent: text already redacted comes back byte
 * for byte, so a mirror's copy keeps the source's sha256.
 * - Text is redacted by the one redaction path (`redactSecrets`, which decodes escapes and JSON
 *   inside the text). `artifactPath` is the artifact's path in its attempt: a generated file
 *   (`files/<path>`) is scanned as that file, so file-type rules apply (an `.npmrc` token).
 * - UTF-32 text (`utf32Form`: a byte order mark, or three NULs beside each ASCII character) is
 *   redacted as text and written back in the same form, as UTF-16 text is.
 * - UTF-16 text (`utf16Form`: a byte order mark, a NUL beside each ASCII character, or UTF-16 by
 *   its structure; an odd last byte kept) is redacted as text and written back in the same form,
 *   when its bytes read one a character hold no secret.
 * - UTF-8 text holding a run of UTF-16 text with a secret (`utf16Runs`, a log with PowerShell
 *   output pasted in) has the secret redacted in the run, written back in its byte order, and
 *   the rest of the text kept (`redactUtf16Runs`); one still showing after that goes as
 *   NOT_SCANNED_MARKER.
 * - Bytes that are not UTF-8 text, and bytes holding an archive or compressed stream anywhere
 *   (`isCompressed`: gzip, zip, tar, and bzip2, xz, Zstandard, LZ4, 7z, RAR, lzip and `compress`,
 *   which are never read), are kept exactly when every text a reader gets out of them
 *   (`readableTexts`: the bytes one a character, each stream or entry decompressed or unpacked,
 *   zlib streams found anywhere in them included, a
 *   PNG's text chunks, bounded by MAX_INFLATED_BYTES) holds no secret; otherwise, or when one
 *   cannot be read, they go as NOT_SCANNED_MARKER (fail closed: binary cannot be redacted in place).
 * Throws when the scanner fails.
 */
export async function redactArtifactBody(body: string | Uint8Array, artifactPath: string): Promise<Buffer> {
  const filePath = generatedFilePath(artifactPath);
  if (typeof body === 'string') return redactUtf8Text(Buffer.from(body, 'utf8'), body, filePath);
  const bytes = Buffer.from(body);
  const widest = isCompressed(bytes) ? undefined : utf32Form(bytes);
  // Bytes that merely open like UTF-32 (a table of 32-bit ids) may hold a zlib stream further on:
  // those are read as binaries are, never kept whole as text.
  if (widest !== undefined && !holdsEmbeddedStream(bytes)) {
    if (!(await holdsNoSecret([bytes.toString('latin1')]))) return notScanned();
    const text = decodeUtf32(bytes, widest);
    const redacted = await redactSecrets(text, filePath);
    // A last unit cut short is kept after the text.
    const stray = bytes.subarray(bytes.length - (bytes.length % 4));
    return redacted === text ? bytes : Buffer.concat([encodeUtf32(redacted, widest), stray]);
  }
  const wide = isCompressed(bytes) || widest !== undefined ? undefined : utf16Form(bytes);
  if (wide !== undefined) {
    if (!(await holdsNoSecret([bytes.toString('latin1')]))) return notScanned();
    const text = decodeUtf16(bytes, wide);
    const redacted = await redactSecrets(text, filePath);
    // An odd last byte, which is no UTF-16 unit, is kept after the text.
    const stray = bytes.subarray(bytes.length - (bytes.length % 2));
    return redacted === text ? bytes : Buffer.concat([encodeUtf16(redacted, wide), stray]);
  }
  const text = isCompressed(bytes) || widest !== undefined ? undefined : utf8Text(bytes);
  if (text === undefined) {
    const texts = readableTexts(bytes);
    return texts !== undefined && (await holdsNoSecret(texts)) ? bytes : notScanned();
  }
  return redactUtf8Text(bytes, text, filePath);
}

/**
 * UTF-8 text (`bytes`, decoded as `text`) redacted: first each run of UTF-16 text in it with a
 * secret (`redactUtf16Runs`, in place, the rest of the text kept), then the text as UTF-8. When a
 * UTF-16 secret still shows after that, it goes as NOT_SCANNED_MARKER (fail closed).
 */
async function redactUtf8Text(bytes: Buffer, text: string, filePath: string | undefined): Promise<Buffer> {
  const unwide = await redactUtf16Runs(bytes);
  if (unwide !== bytes && (await holdsUtf16Secret(unwide))) return notScanned();
  // A run of UTF-32 text (Out-File output appended to a log) is not redacted in place: withheld whole.
  const utf32 = utf32Runs(unwide);
  if (utf32.length > 0 && !(await holdsNoSecret(utf32))) return notScanned();
  const plain = unwide === bytes ? text : utf8Text(unwide);
  if (plain === undefined) return notScanned();
  const redacted = await redactSecrets(plain, filePath);
  if (redacted === text) return bytes;
  return redacted === plain ? unwide : Buffer.from(redacted, 'utf8');
}

/**
 * `bytes` with every run of UTF-16 text holding a secret (`utf16RunSpans`, both byte orders at both
 * alignments: PowerShell output pasted into a build log) redacted and written back in its byte
 * order in place; the same buffer when none holds one. Runs are redacted a pass at a time, last
 * first, so earlier spans keep their offsets; a later pass reads what the earlier ones wrote.
 */
async function redactUtf16Runs(bytes: Buffer): Promise<Buffer> {
  if (!bytes.includes(0)) return bytes;
  let current = bytes;
  for (const bigEndian of [false, true])
    for (const alignment of [0, 1]) {
      const runs = utf16RunSpans(current, alignment, bigEndian);
      for (const run of [...runs].reverse()) {
        const redacted = await redactJsonStrings(run.text);
        if (redacted === run.text) continue;
        current = Buffer.concat([
          current.subarray(0, run.start),
          encodeUtf16(redacted, { bigEndian, bom: false }),
          current.subarray(run.end),
        ]);
      }
    }
  return current;
}

/**
 * Whether UTF-8 text holds a run of UTF-16 text with a secret in it (`utf16Runs`, either byte
 * order: PowerShell output pasted into a build log), which a scan of the UTF-8 text cannot see
 * (a NUL between every character): checked again once the runs are redacted (`redactUtf16Runs`). Costs one search for a NUL byte when there is none.
 */
async function holdsUtf16Secret(bytes: Buffer): Promise<boolean> {
  const runs = utf16Runs(bytes);
  return runs.length > 0 && !(await holdsNoSecret(runs));
}

/** Whether a zlib stream (or another stream or archive) is found anywhere in `bytes`, or one cannot be read. */
function holdsEmbeddedStream(bytes: Buffer): boolean {
  const contents = embeddedContents(bytes, { left: MAX_INFLATED_BYTES });
  return contents === undefined || contents.length > 0;
}

function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when redaction leaves every text as it is (all scanned together, one joined scan). */
async function holdsNoSecret(texts: readonly string[]): Promise<boolean> {
  const [only] = texts;
  if (texts.length === 1 && only !== undefined) return (await redactJsonStrings(only)) === only;
  const redacted = await redactJsonStrings(texts);
  return redacted.every((text, index) => text === texts[index]);
}

function notScanned(): Buffer {
  return Buffer.from(NOT_SCANNED_MARKER, 'utf8');
}

/** The repository path of a generated file's artifact (`files/<path>`); `undefined` for any other artifact. */
function generatedFilePath(artifactPath: string): string | undefined {
  return artifactPath.startsWith(GENERATED_FILES_PREFIX) &&
    artifactPath.length > GENERATED_FILES_PREFIX.length
    ? artifactPath.slice(GENERATED_FILES_PREFIX.length)
    : undefined;
}
