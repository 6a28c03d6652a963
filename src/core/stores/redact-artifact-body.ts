import { redactJsonStrings } from '../secrets/redact-json-strings.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../secrets/secret-markers.js';

/** Where an attempt keeps its generated files (`storeAttemptArtifacts`): `files/<repository path>`. */
export const GENERATED_FILES_PREFIX = 'files/';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An artifact's bytes as an artifact store may keep them (issue #10: secrets never reach what the
 * mirrors keep): the text redacted by the one redaction path (`redactSecrets`, which decodes
 * escapes and JSON inside the text), at the store's boundary alone, so no caller can store a
 * secret by forgetting to redact first and callers do not redact again. `artifactPath` is the
 * artifact's path in its attempt: a generated file (`files/<path>`) is scanned as that file, so
 * file-type rules apply (an `.npmrc` token). Idempotent: text already redacted comes back byte for byte, so a
 * mirror's copy keeps the source's sha256. Bytes that are not UTF-8 text (an archive) are kept
 * exactly when their readable runs, read one byte a character, hold no secret; otherwise they go
 * as NOT_SCANNED_MARKER (fail closed: binary cannot be redacted in place). Throws when the scanner
 * fails.
 */
export async function redactArtifactBody(body: string | Uint8Array, artifactPath: string): Promise<Buffer> {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    const bytes = Buffer.from(body as Uint8Array);
    const asRead = bytes.toString('latin1');
    return (await redactJsonStrings(asRead)) === asRead ? bytes : Buffer.from(NOT_SCANNED_MARKER, 'utf8');
  }
  const redacted = await redactSecrets(text, generatedFilePath(artifactPath));
  if (redacted === text && typeof body !== 'string') return Buffer.from(body);
  return Buffer.from(redacted, 'utf8');
}

/** The repository path of a generated file's artifact (`files/<path>`); `undefined` for any other artifact. */
function generatedFilePath(artifactPath: string): string | undefined {
  return artifactPath.startsWith(GENERATED_FILES_PREFIX) &&
    artifactPath.length > GENERATED_FILES_PREFIX.length
    ? artifactPath.slice(GENERATED_FILES_PREFIX.length)
    : undefined;
}
