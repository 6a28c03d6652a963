import { redactJsonStrings } from '../secrets/redact-json-strings.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../secrets/secret-markers.js';
import { isCompressed, readableTexts } from './readable-texts.js';
import { decodeUtf16, encodeUtf16, utf16Form, utf16Runs } from './utf16-text.js';

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
 * - UTF-16 text (`utf16Form`: a byte order mark, a NUL beside each ASCII character, or UTF-16 by
 *   its structure; an odd last byte kept) is redacted as text and written back in the same form,
 *   when its bytes read one a character hold no secret.
 * - UTF-8 text holding a run of UTF-16 text with a secret (`utf16Runs`, a log with PowerShell
 *   output pasted in) goes as NOT_SCANNED_MARKER: the run cannot be redacted as the text is.
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
  if (typeof body === 'string') {
    if (await holdsUtf16Secret(Buffer.from(body, 'utf8'))) return notScanned();
    return Buffer.from(await redactSecrets(body, filePath), 'utf8');
  }
  const bytes = Buffer.from(body);
  const wide = isCompressed(bytes) ? undefined : utf16Form(bytes);
  if (wide !== undefined) {
    if (!(await holdsNoSecret([bytes.toString('latin1')]))) return notScanned();
    const text = decodeUtf16(bytes, wide);
    const redacted = await redactSecrets(text, filePath);
    // An odd last byte, which is no UTF-16 unit, is kept after the text.
    const stray = bytes.subarray(bytes.length - (bytes.length % 2));
    return redacted === text ? bytes : Buffer.concat([encodeUtf16(redacted, wide), stray]);
  }
  const text = isCompressed(bytes) ? undefined : utf8Text(bytes);
  if (text === undefined) {
    const texts = readableTexts(bytes);
    return texts !== undefined && (await holdsNoSecret(texts)) ? bytes : notScanned();
  }
  if (await holdsUtf16Secret(bytes)) return notScanned();
  const redacted = await redactSecrets(text, filePath);
  return redacted === text ? bytes : Buffer.from(redacted, 'utf8');
}

/**
 * Whether UTF-8 text holds a run of UTF-16 text with a secret in it (`utf16Runs`, either byte
 * order: PowerShell output pasted into a build log), which a scan of the UTF-8 text cannot see
 * (a NUL between every character). Such text cannot be redacted in place as one text, so it goes
 * as not scanned. Costs one search for a NUL byte when there is none.
 */
async function holdsUtf16Secret(bytes: Buffer): Promise<boolean> {
  const runs = utf16Runs(bytes);
  return runs.length > 0 && !(await holdsNoSecret(runs));
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
