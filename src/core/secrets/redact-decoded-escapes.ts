import { findDecodedEscapeSecrets } from './find-decoded-escape-secrets.js';
import { replaceMatches } from './replace-matches.js';
import { NOT_SCANNED_MARKER } from './secret-markers.js';

/**
 * `text` with every secret the scanner finds in it once its escapes are decoded
 * (`findDecodedEscapeSecrets`, level after level) replaced by its marker, in place: the rest stays
 * as written, escapes included. Catches what no framing shows: a name and value that meet only
 * across a string's escaped quotes (`{\"aws_secret_access_key\":\"…\"}`), a value split by an
 * escape (`…\/…`), a key spelt with `\u0061`, a token right after `\n`, a document cut off before
 * it closes, escaped twice. A text escaped more than MAX_ESCAPE_LEVELS times over goes as
 * NOT_SCANNED_MARKER. A text without an escape (a backslash, or YAML's `''`) costs nothing.
 * Throws when the scanner fails.
 */
export async function redactDecodedEscapes(text: string): Promise<string> {
  const { complete, matches } = await findDecodedEscapeSecrets(text);
  if (!complete) return NOT_SCANNED_MARKER;
  return replaceMatches({ text, matches });
}
