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
 * Non-space characters of one author's feedback texts in one batch (`dictatedText`) compared
 * against a commit at most: past it the texts are not compared and their author counts as having
 * dictated the commit (`exceedsDictationBound`), the safe side — their approval is set aside. About
 * three comments of GitHub's largest size (65,536 characters): no review is that long, and it bounds
 * the work on feedback written to be too long to compare. Our own bound (review 9n).
 */
export const MAX_DICTATED_TEXT_CHARS = 200_000;

/**
 * What a set of feedback texts says (one author's review body and inline comments, across every
 * feedback of theirs in one batch), as one string to find dictated code in: each text as GitHub
 * shows it (`sanitizeUntrustedText`: code spans, fences, `<code>` and plain lines alike, since a
 * line dictated without backticks is dictated all the same; hidden text, which no model is sent,
 * is not), spacing taken out, texts separated by a newline (which no piece of code compared without
 * spacing holds) so that a piece is found in one text. A text longer than GitHub accepts is not
 * read; reading stops once the whole is past `MAX_DICTATED_TEXT_CHARS`. Pure.
 */
export function dictatedText(bodies: readonly string[]): string {
  const texts: string[] = [];
  let length = 0;
  for (const body of bodies) {
    if (body.length > MAX_UNTRUSTED_TEXT_LENGTH) continue;
    const text = withoutSpacing(sanitizeUntrustedText(body).text);
    texts.push(text);
    length += text.length + 1;
    // Past the bound nothing more is read: the caller sets the whole aside (`exceedsDictationBound`).
    if (length > MAX_DICTATED_TEXT_CHARS) break;
  }
  return texts.join('\n');
}

/** Whether feedback text (from `dictatedText`) is longer than `MAX_DICTATED_TEXT_CHARS`, so not compared. */
export function exceedsDictationBound(dictated: string): boolean {
  return dictated.length > MAX_DICTATED_TEXT_CHARS;
}

/** One line of a file a commit writes, and whether the file did not hold it before the commit. */
export interface WrittenLine {
  readonly text: string;
  readonly added: boolean;
}

/**
 * Whether a commit's file reproduces feedback (`dictated`, from `dictatedText`): some run of its
 * consecutive lines, starting at an added one and compared without spacing, each line of which the
 * feedback holds (`isDictatedLine`: in one text, or split once between two texts; or running over
 * texts in the order they are listed, as the texts joined without spacing show it), and whose added
 * lines hold at least `MIN_DICTATED_LINE_CHARS` non-space characters together. The lines of a run
 * need not sit together in one text nor in the order written: a block dictated one line per inline
 * comment, or a line split between the review body and a comment, in whatever order the texts
 * are listed, is dictated as much as a block in one text (review 9n). Unchanged lines may sit inside
 * a run (a dictated block around a line the file already had) but count nothing; empty lines are
 * skipped. Runs are at most `MAX_DICTATED_BLOCK_LINES` lines. Pure.
 */
export function reproducesDictation(params: { lines: readonly WrittenLine[]; dictated: string }): boolean {
  const { dictated } = params;
  if (dictated === '') return false;
  // The texts run together in their order, so a line may also run from one text into the next ones.
  const joined = dictated.replaceAll('\n', '');
  const lines = params.lines.map((line) => ({ code: withoutSpacing(line.text), added: line.added }));
  const held = new Map<number, boolean>();
  const holds = (index: number, code: string) => {
    let found = held.get(index);
    if (found === undefined)
      held.set(index, (found = isDictatedLine(code, dictated) || joined.includes(code)));
    return found;
  };
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start]?.added || lines[start]?.code === '') continue;
    let addedChars = 0;
    for (let end = start; end < lines.length && end - start < MAX_DICTATED_BLOCK_LINES; end++) {
      const line = lines[end];
      if (line === undefined || line.code === '') continue;
      if (!holds(end, line.code)) break;
      if (line.added) addedChars += line.code.length;
      if (addedChars >= MIN_DICTATED_LINE_CHARS) return true;
    }
  }
  return false;
}

/**
 * Whether a line (without spacing) is in the feedback: whole in one text, or as a head found in one
 * text and the rest in another (or elsewhere in the same), in either order: about three searches
 * of the text a line. One split only: splitting a line into ever smaller pieces would match any
 * long review. Pure.
 */
export function isDictatedLine(code: string, dictated: string): boolean {
  if (dictated.includes(code)) return true;
  const head = longestHeadFound(code, dictated);
  // A shorter head leaves a longer rest, found only if this one is: the longest head decides.
  return head > 0 && dictated.includes(code.slice(head));
}

/**
 * The length of the longest start of `code` found in `dictated`: its earliest place is followed
 * forward as the start grows (a longer start occurs only where a shorter one does), so the text is
 * searched about once, not once per length.
 */
function longestHeadFound(code: string, dictated: string): number {
  let length = 0;
  let at = 0;
  while (length < code.length) {
    if (dictated[at + length] !== code[length]) {
      const found = dictated.indexOf(code.slice(0, length + 1), at + 1);
      if (found === -1) break;
      at = found;
    }
    length++;
  }
  return length;
}
