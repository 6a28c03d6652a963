import type { SecretMatch, TextRange } from './scan-secrets.js';
import { TOO_MANY_SECRETS_MARKER } from './secret-markers.js';

/** A stretch of a text to replace by the marker of a secret's kind (`[REDACTED:<slug>]`). */
export interface SecretSpan {
  readonly range: TextRange;
  readonly slug: string;
}

/**
 * `text` with the matches a scan found in it replaced by their markers (TOO_MANY_SECRETS_MARKER
 * whole when one overflowed); a match inside or overlapping one already replaced goes with it.
 */
export function replaceMatches(params: { text: string; matches: readonly SecretMatch[] }): string {
  const { text, matches } = params;
  if (matches.length === 0) return text;
  if (matches.some((match) => match.overflow)) return TOO_MANY_SECRETS_MARKER;
  return replaceSecretSpans(
    text,
    matches.flatMap((match) => match.occurrences.map((range) => ({ range, slug: match.kind.slug }))),
  );
}

/**
 * `text` with each span replaced by its marker, in any order given; a span inside or overlapping
 * one already replaced goes with it.
 */
export function replaceSecretSpans(text: string, spans: readonly SecretSpan[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  const parts: string[] = [];
  let cursor = 0;
  for (const { range, slug } of sorted) {
    // A span inside or overlapping one already replaced is already gone.
    if (range[1] <= cursor) continue;
    parts.push(text.slice(cursor, Math.max(cursor, range[0])), `[REDACTED:${slug}]`);
    cursor = range[1];
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
