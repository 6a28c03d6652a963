import type { SecretMatch } from './scan-secrets.js';
import { TOO_MANY_SECRETS_MARKER } from './secret-markers.js';

/**
 * `text` with the matches a scan found in it replaced by their markers (TOO_MANY_SECRETS_MARKER
 * whole when one overflowed); a match inside or overlapping one already replaced goes with it.
 */
export function replaceMatches(params: { text: string; matches: readonly SecretMatch[] }): string {
  const { text, matches } = params;
  if (matches.length === 0) return text;
  if (matches.some((match) => match.overflow)) return TOO_MANY_SECRETS_MARKER;
  const spans = matches
    .flatMap((match) => match.occurrences.map((range) => ({ range, slug: match.kind.slug })))
    .sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  const parts: string[] = [];
  let cursor = 0;
  for (const { range, slug } of spans) {
    // A span inside or overlapping one already replaced is already gone.
    if (range[1] <= cursor) continue;
    parts.push(text.slice(cursor, Math.max(cursor, range[0])), `[REDACTED:${slug}]`);
    cursor = range[1];
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
