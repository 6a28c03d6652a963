import { visibleControlCharacters } from './visible-control-characters.js';

const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/;

/**
 * Every character that can start inline markup (CommonMark 0.31 and GFM: code spans, emphasis,
 * strikethrough, links, images, footnotes, raw HTML, autolinks, entities, table pipes), plus
 * GitHub's own: `$` math, `@name` mentions and `#123` references, which notify people or
 * cross-link other issues. `_` only matters where it can flank emphasis, `&` only before an
 * entity name, so `snake_case` and `AT&T` stay as written.
 */
const INLINE_SPECIAL =
  /[\\`*[\]~|$<]|_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_|&(?=#?[A-Za-z0-9]+;)|@(?=[A-Za-z0-9])|#(?=\d)/gu;

/** What may begin a block when it opens a line: headings, quotes, lists, setext underlines, breaks. */
const BLOCK_START = /^(?:[#>+=-]|\d{1,9}(?=[.)]))/;

/**
 * Untrusted text made literal for the inside of a line (see `untrustedInline`), without trimming,
 * so pieces of one line can be escaped separately. `atLineStart` also escapes what would start a
 * block there.
 */
export function escapeInlineText(params: { text: string; atLineStart: boolean }): string {
  const flat = visibleControlCharacters(oneLine(params.text));
  const escaped = flat.replace(INLINE_SPECIAL, (match) => {
    if (match === '<') return '&lt;';
    if (match === '&') return '&amp;';
    if (match === '@' || match === '#') return `${match}\u200B`;
    return `\\${match}`;
  });
  if (!params.atLineStart) return escaped;
  const start = BLOCK_START.exec(escaped.trimStart());
  if (!start) return escaped;
  const at = escaped.length - escaped.trimStart().length + start[0].length;
  // A list number is neutralised by escaping the `.` or `)` after it; a marker character by itself.
  const cut = /\d/.test(start[0]) ? at : at - 1;
  return `${escaped.slice(0, cut)}\\${escaped.slice(cut)}`;
}

/** Line breaks, with the blanks around them and blank lines between, become one space; tabs become spaces. Linear. */
function oneLine(text: string): string {
  const [first = '', ...rest] = text.replaceAll('\t', ' ').split(LINE_BREAK);
  if (rest.length === 0) return first;
  const last = rest.pop()?.trimStart() ?? '';
  const middle = rest.map((part) => part.trim()).filter((part) => part !== '');
  return [first.trimEnd(), ...middle, last].join(' ');
}
