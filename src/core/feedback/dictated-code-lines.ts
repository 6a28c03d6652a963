import { sanitizeUntrustedText } from '../untrusted/sanitize-untrusted-text.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from '../untrusted/untrusted-input-limits.js';

/**
 * Non-space characters of added code that must reproduce feedback text before the feedback counts
 * as having dictated it: one added line, or a block of consecutive lines whose added lines hold
 * this many together (`"Action": "*",` and `"Resource": "*"` are 13 and 15; as a block, 27).
 * Shorter pieces (`}`, `return x;`, `import a from 'b';`) turn up in any change by themselves, and
 * a reviewer who names an identifier in prose has not written the line around it: below this, any
 * reviewer would be a pusher of most commits. Our own bound (review 9l, 9m).
 */
export const MIN_DICTATED_LINE_CHARS = 20;

/** Longest run of lines one dictated block is matched over: bounds the work on a long file. */
export const MAX_DICTATED_BLOCK_LINES = 200;

/** A line or text with every whitespace character taken out: spacing a model changes is not a difference. */
export function withoutSpacing(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * What a set of feedback texts (a review's body and inline comments) says, as one string to find
 * dictated code in: each text as GitHub shows it (`sanitizeUntrustedText`: code spans, fences,
 * `<code>` and plain lines alike, since a line dictated without backticks is dictated all the
 * same; hidden text, which no model is sent, is not), spacing taken out, texts separated by a
 * newline so no match runs from one into the next. A text longer than GitHub accepts is not read.
 * Pure.
 */
export function dictatedText(bodies: readonly string[]): string {
  return bodies
    .filter((body) => body.length <= MAX_UNTRUSTED_TEXT_LENGTH)
    .map((body) => withoutSpacing(sanitizeUntrustedText(body).text))
    .join('\n');
}

/** One line of a file a commit writes, and whether the file did not hold it before the commit. */
export interface WrittenLine {
  readonly text: string;
  readonly added: boolean;
}

/**
 * Whether a commit's file reproduces feedback (`dictated`, from `dictatedText`): some run of its
 * consecutive lines, starting at an added one and compared without spacing, is found in the
 * feedback as a whole, and the added lines of that run hold at least `MIN_DICTATED_LINE_CHARS`
 * non-space characters. Unchanged lines may sit inside a run (a dictated block around a line the
 * file already had) but count nothing. Runs are at most `MAX_DICTATED_BLOCK_LINES` lines. Pure.
 */
export function reproducesDictation(params: { lines: readonly WrittenLine[]; dictated: string }): boolean {
  if (params.dictated === '') return false;
  const lines = params.lines.map((line) => ({ code: withoutSpacing(line.text), added: line.added }));
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start]?.added || lines[start]?.code === '') continue;
    let block = '';
    let addedChars = 0;
    for (let end = start; end < lines.length && end - start < MAX_DICTATED_BLOCK_LINES; end++) {
      const line = lines[end];
      if (line === undefined || line.code === '') continue;
      block += line.code;
      if (!params.dictated.includes(block)) break;
      if (line.added) addedChars += line.code.length;
      if (addedChars >= MIN_DICTATED_LINE_CHARS) return true;
    }
  }
  return false;
}
