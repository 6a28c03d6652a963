import { decodeStringEscapes } from './decode-string-escapes.js';
import { lineColumnFinder } from './line-column-finder.js';
import { scanSecrets, type SecretMatch, type TextRange } from './scan-secrets.js';

/**
 * Levels of escaping decoded. Each level at least halves the backslashes (`\\` becomes `\`), so
 * text escaped this many times over holds 255 of them before each quote: no log or JSON writer
 * nests that deep, and a text that does is not checked (`complete: false`). A level costs one scan
 * of at most the text's length, so the bound also caps the cost (a line of prose then 2^16
 * backslashes took 2 s at 16 levels).
 */
export const MAX_ESCAPE_LEVELS = 8;

/** What `findDecodedEscapeSecrets` read of a text. */
export interface DecodedEscapeSecrets {
  /** False when the text is escaped more than MAX_ESCAPE_LEVELS times over: it was not read whole (fail closed). */
  readonly complete: boolean;
  /** Each secret found, its range, occurrences, line and column where it is written in the source. */
  readonly matches: readonly SecretMatch[];
}

/**
 * Every secret the scanner finds in `text` once its escapes are decoded (`decodeStringEscapes`,
 * level after level, up to MAX_ESCAPE_LEVELS), mapped back to where it is written: a token right
 * after a `\n` (`"Deploy key:\nghp_…"`, where the escape's letter touches it as written), a name
 * and value that meet only across escaped quotes (`{\"aws_secret_access_key\":\"…\"}`), a value
 * split by an escape (`…\/…`, `\x41`), a key spelt with `\u0061`. A match also found as written is
 * found again here; callers merge by range. A text without an escape (a backslash, or YAML's `''`)
 * costs nothing. The one reader of escaped text: the redactor (`redactDecodedEscapes`) and the
 * secrets gate (`findFileSecrets`) both use it. Throws when the scanner fails.
 */
export async function findDecodedEscapeSecrets(text: string): Promise<DecodedEscapeSecrets> {
  const found: SecretMatch[] = [];
  let level = text;
  let toSource = (offset: number): number => offset;
  for (let depth = 0; level.includes('\\') || level.includes("''"); depth += 1) {
    const { decoded, sourceOffsets } = decodeStringEscapes(level);
    if (decoded.length === level.length) break;
    if (depth === MAX_ESCAPE_LEVELS) return { complete: false, matches: [] };
    const outer = toSource;
    const mapped = (offset: number): number => outer(sourceOffsets[offset] ?? level.length);
    const map = (range: TextRange): TextRange => [mapped(range[0]), mapped(range[1])];
    for (const match of await scanSecrets({ text: decoded })) {
      found.push({ ...match, range: map(match.range), occurrences: match.occurrences.map(map) });
    }
    level = decoded;
    toSource = mapped;
  }
  if (found.length === 0) return { complete: true, matches: found };
  // Line and column where each is written, not where it fell in a decoded level.
  const locate = lineColumnFinder(text);
  return { complete: true, matches: found.map((match) => ({ ...match, ...locate(match.range[0]) })) };
}
