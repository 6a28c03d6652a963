// Findings quote generated paths and template names, so in markdown they are untrusted text.

// eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Control characters (newlines included) would end a table row or hide text; show them as escapes. */
export function visibleControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text that renders literally inside a table cell: no markup, no raw HTML (which could forge the
 * hidden state marker), no `|` ending the cell, and no `@name` that would notify a GitHub user.
 */
export function markdownText(text: string): string {
  return visibleControlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200B');
}

/** A code span that survives any backticks in the text, with `|` escaped as GFM tables require. */
export function markdownCode(text: string): string {
  const body = visibleControlCharacters(text).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = body.startsWith('`') || body.endsWith('`') ? ` ${body} ` : body;
  return `${fence}${padded}${fence}`;
}
