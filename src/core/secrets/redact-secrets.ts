import { scanSecrets, type SecretMatch } from './scan-secrets.js';

/** What replaces a whole text holding more secrets than the scanner locates one by one. */
export const TOO_MANY_SECRETS_MARKER = '[REDACTED:too-many-secrets]';

/** What stands for a text that could not be checked whole (the scanner failed, or a bound was reached): it never goes out. */
export const NOT_SCANNED_MARKER = '[REDACTED:not-scanned]';

/**
 * `text` with every secret the scanner finds replaced by a marker naming its kind, e.g.
 * `[REDACTED:aws-secret-access-key]`; every other occurrence of the same value goes too. Used
 * wherever untrusted or model text leaves the process: prompts, findings, comments, logs.
 * `path` (repository-relative) lets file-type rules apply when the text is a file's content.
 * A text with more secrets of one kind than the scanner lists (MAX_REPORTS_PER_RULE) is replaced
 * whole by TOO_MANY_SECRETS_MARKER: the rest were not located, so nothing of it may go out.
 * Throws when the scanner fails, so a caller never sends text it could not check.
 */
export async function redactSecrets(text: string, path?: string): Promise<string> {
  const matches = await scanSecrets(path === undefined ? { text } : { text, path });
  return replaceMatches({ text, matches });
}

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
