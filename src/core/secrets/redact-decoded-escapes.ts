import { decodeStringEscapes } from './decode-string-escapes.js';
import { replaceMatches } from './replace-matches.js';
import { scanSecrets, type SecretMatch, type TextRange } from './scan-secrets.js';
import { NOT_SCANNED_MARKER } from './secret-markers.js';

/**
 * Levels of escaping decoded. Each level at least halves the backslashes (`\\` becomes `\`), so
 * text escaped this many times over holds 255 of them before each quote: no log or JSON writer
 * nests that deep, and a text that does goes as NOT_SCANNED_MARKER. A level costs one scan of at
 * most the text's length, so the bound also caps the cost (a line of prose then 2^16 backslashes
 * took 2 s at 16 levels).
 */
const MAX_LEVELS = 8;

/**
 * `text` with every secret the scanner finds in it once its escapes are decoded
 * (`decodeStringEscapes`, level after level) replaced by its marker, in place: the rest stays as
 * written, escapes included. Catches what no framing shows: a name and value that meet only
 * across a string's escaped quotes (`{\"aws_secret_access_key\":\"…\"}`), a value split by an
 * escape (`…\/…`), a key spelt with `\u0061`, a document cut off before it closes, escaped twice.
 * A text without an escape (a backslash, or YAML's `''`) costs nothing. Throws when the scanner fails.
 */
export async function redactDecodedEscapes(text: string): Promise<string> {
  const found: SecretMatch[] = [];
  let level = text;
  let toSource = (offset: number): number => offset;
  for (let depth = 0; level.includes('\\') || level.includes("''"); depth += 1) {
    const { decoded, sourceOffsets } = decodeStringEscapes(level);
    if (decoded.length === level.length) break;
    if (depth === MAX_LEVELS) return NOT_SCANNED_MARKER;
    const outer = toSource;
    const mapped = (offset: number): number => outer(sourceOffsets[offset] ?? level.length);
    const map = (range: TextRange): TextRange => [mapped(range[0]), mapped(range[1])];
    for (const match of await scanSecrets({ text: decoded })) {
      found.push({ ...match, range: map(match.range), occurrences: match.occurrences.map(map) });
    }
    level = decoded;
    toSource = mapped;
  }
  return replaceMatches({ text, matches: found });
}
