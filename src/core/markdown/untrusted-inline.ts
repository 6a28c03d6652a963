import { escapeInlineText } from './escape-inline-text.js';

/**
 * Untrusted text (issue fields, request values, model output, AWS messages and resource names,
 * generated paths) for the inside of a line or a table cell, shown exactly as written: no markup,
 * no raw HTML (so nothing can forge the hidden state marker), no `|` ending a cell, no `@name`
 * that notifies anyone and no `#123` that cross-links an issue (a zero-width space follows the
 * `@` or `#`). Line breaks and tabs become spaces; other control and bidi characters show as
 * `\uXXXX`; the ends are trimmed; anything that would start a block at the start of a line
 * (`#`, `>`, `-`, `1.`) is escaped. A bare URL stays a URL: GitHub links it, showing its address.
 */
export function untrustedInline(text: string): string {
  return escapeInlineText({ text: text.trim(), atLineStart: true });
}
