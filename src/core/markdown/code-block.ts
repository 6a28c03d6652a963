import { defuseCommentOpeners } from './defuse-comment-openers.js';
import { longestBacktickRun } from './longest-backtick-run.js';
import { visibleControlCharacters } from './visible-control-characters.js';

/**
 * `text` as a fenced code block at the top level of a document, shown literally line by line:
 * the fence is longer than any backtick run inside, so no line of `text` can close it; control
 * characters other than line breaks and tabs show as `\uXXXX`. `language` is our own info string
 * (`json`, `text`). Ends without a trailing newline, like a paragraph.
 */
export function codeBlock(params: { text: string; language?: string }): string {
  const lines = params.text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const body = defuseCommentOpeners(visibleControlCharacters(lines, '\n\t'));
  const longestRun = longestBacktickRun(body);
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${params.language ?? ''}\n${body}\n${fence}`;
}
