import { defuseCommentOpeners } from './defuse-comment-openers.js';
import { longestBacktickRun } from './longest-backtick-run.js';
import { visibleControlCharacters } from './visible-control-characters.js';

/**
 * `text` as an inline code span that shows it literally whatever it holds: the fence is one
 * backtick longer than the longest run inside, padded when the text starts or ends with a
 * backtick (CommonMark 0.31 §6.1). Line breaks and other control characters show as `\uXXXX`,
 * since a line break would end a table row or let the next line start a block. Inside a GFM
 * table cell (`inTableCell`) every `|` is escaped, because GFM splits cells on pipes even inside
 * code spans and unescapes them afterwards; elsewhere a `\|` would show its backslash.
 */
export function codeSpan(text: string, options: { readonly inTableCell?: boolean } = {}): string {
  const literal = defuseCommentOpeners(visibleControlCharacters(text));
  const body = options.inTableCell ? literal.replaceAll('|', '\\|') : literal;
  if (body === '') return '` `';
  const longestRun = longestBacktickRun(body);
  const fence = '`'.repeat(longestRun + 1);
  // One space is stripped from each end when both ends have one, so such text gets one more.
  const stripped = body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '';
  const pad = body.startsWith('`') || body.endsWith('`') || stripped ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
