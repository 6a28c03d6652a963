import { parseMarkdown } from '../untrusted/markdown/parse-markdown.js';
import { sanitizeUntrustedText } from '../untrusted/sanitize-untrusted-text.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from '../untrusted/untrusted-input-limits.js';

/**
 * What a comment or review body asks for beyond its ```suggestion blocks (issue #9 item 3), as a
 * reader sees it: every top-level suggestion fence (as `parseSuggestions` finds them) taken out,
 * then the rest kept only as far as GitHub shows it (`sanitizeUntrustedText`, the one sanitizer
 * issue text goes through: HTML comments, hidden elements, alt text and invisible characters go;
 * DESIGN §5/§5b, what a reader cannot see never reaches a prompt). `''` means there is nothing
 * left to answer as free text: the suggestions say it all, or nothing visible is left. A body
 * longer than GitHub accepts is read only as far as GitHub would keep it (it is refused elsewhere).
 */
export function freeTextOf(body: string): string {
  const read = body.slice(0, MAX_UNTRUSTED_TEXT_LENGTH);
  // markdown-it counts lines after turning every line ending into `\n`; split the same way.
  const lines = read.split(/\r\n|\r|\n/);
  const dropped = new Set<number>();
  for (const token of parseMarkdown(read).tokens) {
    if (token.type !== 'fence' || token.level !== 0 || token.map === null) continue;
    if (token.info.trim().split(/\s+/)[0]?.toLowerCase() !== 'suggestion') continue;
    for (let line = token.map[0]; line < token.map[1]; line++) dropped.add(line);
  }
  // A blank line where a fence was ends the block before it as the fence did, so the rest renders
  // (and is sanitized) as it does around the fence: no hidden element grows over the next block.
  const rest = lines.map((line, index) => (dropped.has(index) ? '' : line)).join('\n');
  return sanitizeUntrustedText(rest).text.trim();
}
