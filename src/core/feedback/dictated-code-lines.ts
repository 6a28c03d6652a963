import { parseMarkdown } from '../untrusted/markdown/parse-markdown.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from '../untrusted/untrusted-input-limits.js';

/**
 * Non-space characters a code line needs before reproducing it counts as copying it: shorter lines
 * (`}`, `return x;`, `import a from 'b';`) turn up in any change by themselves. Our own bound.
 */
export const MIN_DICTATED_LINE_CHARS = 20;

/**
 * The lines of code a feedback text dictates: every line of its code blocks (fenced or indented,
 * ```suggestion blocks included) and code spans, as GitHub renders the text (the project's
 * markdown reader), trimmed, kept when it has at least `MIN_DICTATED_LINE_CHARS` non-space
 * characters. A text longer than GitHub accepts dictates nothing (it is not read). Pure.
 */
export function dictatedCodeLines(body: string): Set<string> {
  const lines = new Set<string>();
  if (body.length > MAX_UNTRUSTED_TEXT_LENGTH) return lines;
  const keep = (code: string) => {
    for (const line of code.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed.replace(/\s/g, '').length >= MIN_DICTATED_LINE_CHARS) lines.add(trimmed);
    }
  };
  for (const token of parseMarkdown(body).tokens) {
    if (token.type === 'fence' || token.type === 'code_block') keep(token.content);
    for (const child of token.children ?? []) if (child.type === 'code_inline') keep(child.content);
  }
  return lines;
}
