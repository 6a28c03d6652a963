import { parseMarkdown } from '../untrusted/markdown/parse-markdown.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from '../untrusted/untrusted-input-limits.js';

/**
 * What a comment or review body asks for beyond its ```suggestion blocks (issue #9 item 3): the
 * body with every top-level suggestion fence (as `parseSuggestions` finds them) taken out, and
 * trimmed. `''` means there is nothing left to answer as free text: the suggestions say it all, or
 * the body is empty. A body longer than GitHub accepts is kept whole (it is refused elsewhere).
 */
export function freeTextOf(body: string): string {
  if (body.length > MAX_UNTRUSTED_TEXT_LENGTH) return body.trim();
  // markdown-it counts lines after turning every line ending into `\n`; split the same way.
  const lines = body.split(/\r\n|\r|\n/);
  const dropped = new Set<number>();
  for (const token of parseMarkdown(body).tokens) {
    if (token.type !== 'fence' || token.level !== 0 || token.map === null) continue;
    if (token.info.trim().split(/\s+/)[0]?.toLowerCase() !== 'suggestion') continue;
    for (let line = token.map[0]; line < token.map[1]; line++) dropped.add(line);
  }
  return lines
    .filter((_line, index) => !dropped.has(index))
    .join('\n')
    .trim();
}
