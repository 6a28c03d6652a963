import { redactJsonStrings } from '../secrets/redact-json-strings.js';
import { NOT_SCANNED_MARKER } from '../secrets/secret-markers.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An artifact's bytes as an artifact store may keep them (issue #10: secrets never reach what the
 * mirrors keep): the text redacted by the artifacts' redaction path (`redactJsonStrings`, which
 * walks a JSON document's strings and decodes escapes), so no caller can store a secret by
 * forgetting to redact first. Idempotent: text already redacted comes back byte for byte, so a
 * mirror's copy keeps the source's sha256. Bytes that are not UTF-8 text (an archive) are kept
 * exactly when their readable runs, read one byte a character, hold no secret; otherwise they go
 * as NOT_SCANNED_MARKER (fail closed: binary cannot be redacted in place). Throws when the scanner
 * fails.
 */
export async function redactArtifactBody(body: string | Uint8Array): Promise<Buffer> {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    const bytes = Buffer.from(body as Uint8Array);
    const asRead = bytes.toString('latin1');
    return (await redactJsonStrings(asRead)) === asRead ? bytes : Buffer.from(NOT_SCANNED_MARKER, 'utf8');
  }
  const redacted = await redactJsonStrings(text);
  if (redacted === text && typeof body !== 'string') return Buffer.from(body);
  return Buffer.from(redacted, 'utf8');
}
