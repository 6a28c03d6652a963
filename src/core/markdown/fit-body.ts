import MarkdownIt from 'markdown-it';
import type { TextLimit } from './github-limits.js';
import { textSize } from './text-size.js';
import { truncateToSize } from './truncate-to-size.js';
import { withIndefiniteArticle } from '../text/indefinite-article.js';

// Only the block structure is read (where fenced code blocks open and close), as GitHub parses it.
const parser = new MarkdownIt({ html: true });
parser.core.ruler.disable('inline');

/** A whole-line HTML comment, such as the status comment's state marker. */
const HIDDEN_LINE = /^<!--.*-->$/;
const BLANK = /^\s*$/;
const FENCE_LINE = /^[\s>]*(?:```|~~~)/;
/** Anything but what a table's delimiter row (or a thematic break) is made of. */
const NOT_DELIMITER = /[^\s|:-]/;
/** A line longer than this share of the limit is shown cut rather than dropped whole. */
const OVERLONG_SHARE = 4;
/** The least room worth showing a piece of such a line in. */
const MIN_PIECE = 80;

/**
 * `body` within GitHub's `limit` for it (see `github-limits.ts`). A body that fits is returned
 * unchanged. Otherwise it is cut at a line boundary — so a table keeps whole rows and a list
 * whole items — a fenced code block open at the cut is closed, and a last paragraph says
 * "…and N more", N counting the lines cut that held content (rows, items, code lines); a single
 * line too long to keep whole is cut inside, ending in `…`. Trailing lines that are whole HTML
 * comments (the status comment's hidden state marker) are kept intact at the very end.
 * `budget` (in the limit's unit, default `limit.max`) is for a part that shares the body with
 * others, such as the PR body's file table. Throws a RangeError when the note and the hidden lines
 * alone cannot fit in the budget, which no marker we write reaches.
 */
export function fitBody(params: { body: string; limit: TextLimit; budget?: number }): string {
  const { body, limit } = params;
  const budget = Math.min(params.budget ?? limit.max, limit.max);
  const size = (text: string) => textSize(text, limit.unit);
  if (size(body) <= budget) return body;

  const { content, hidden, finalNewline } = splitHiddenTail(body);
  const lines = content.split('\n');
  const fences = fencedRanges({ content, lines, budget });
  const closerAt = (line: number) =>
    fences.find((fence) => fence.first <= line && line <= fence.last)?.closer;
  const after = `${hidden.length > 0 ? `\n\n${hidden.join('\n')}` : ''}${finalNewline ? '\n' : ''}`;
  const longestCloser = fences.reduce((longest, fence) => Math.max(longest, size(fence.closer) + 1), 0);
  const reserve = size(`\n\n${notice(lines.length, limit)}`) + size(after) + longestCloser + size('…');
  if (reserve > budget) throw new RangeError(`The hidden lines alone exceed the room for the ${limit.what}`);

  let used = 0;
  let kept = 0;
  for (const line of lines) {
    if (used + size(line) + 1 + reserve > budget) break;
    used += size(line) + 1;
    kept += 1;
  }
  const shown = lines.slice(0, kept);
  const next = lines[kept];
  const room = budget - reserve - used;
  const partial = next !== undefined && size(next) > budget / OVERLONG_SHARE && room >= MIN_PIECE;
  if (partial) {
    shown.push(`${withoutLoneBackslash(truncateToSize({ text: next, max: room, unit: limit.unit }))}…`);
  }
  const closer = closerAt(partial ? kept : kept - 1);
  while (shown.length > 0 && BLANK.test(shown.at(-1) ?? '')) shown.pop();
  if (closer !== undefined) shown.push(closer);
  const cut = lines.slice(partial ? kept + 1 : kept).filter(isContentLine).length;
  const parts = shown.length > 0 ? [shown.join('\n'), notice(cut, limit)] : [notice(cut, limit)];
  return `${parts.join('\n\n')}${after}`;
}

function splitHiddenTail(body: string): { content: string; hidden: string[]; finalNewline: boolean } {
  const finalNewline = body.endsWith('\n');
  let length = body.length;
  while (length > 0 && body[length - 1] === '\n') length -= 1;
  const lines = body.slice(0, length).split('\n');
  const hidden: string[] = [];
  let end = lines.length;
  while (end > 0) {
    const line = lines[end - 1] ?? '';
    if (HIDDEN_LINE.test(line)) hidden.unshift(line);
    else if (!BLANK.test(line)) break;
    end -= 1;
  }
  return { content: lines.slice(0, end).join('\n'), hidden, finalNewline };
}

/**
 * The lines inside each fenced code block (opening fence included, closing fence not) and the line
 * that closes it: the container prefix, such as `> `, then the fence. Only the part of the body
 * that could be kept is parsed.
 */
function fencedRanges(params: {
  content: string;
  lines: readonly string[];
  budget: number;
}): Array<{ first: number; last: number; closer: string }> {
  const { content, lines, budget } = params;
  // A limit in bytes never keeps more characters than bytes, so `budget` characters always suffice.
  const end = content.indexOf('\n', Math.min(content.length, budget));
  return parser.parse(content.slice(0, end < 0 ? budget : end), {}).flatMap((token) => {
    if (token.type !== 'fence' || token.map === null) return [];
    const [first, close] = token.map;
    const opening = lines[first] ?? '';
    // Quote markers stay; a list item's marker becomes indentation, or the fence would start a new item.
    const prefix = opening.slice(0, opening.indexOf(token.markup)).replace(/[^\s>]/g, ' ');
    // An unclosed fence runs to the end of its container.
    const closed = close - 1 > first && FENCE_LINE.test(lines[close - 1] ?? '');
    return [{ first, last: closed ? close - 2 : close - 1, closer: `${prefix}${token.markup}` }];
  });
}

function isContentLine(line: string): boolean {
  const delimiterRow = !NOT_DELIMITER.test(line) && line.includes('-');
  return !BLANK.test(line) && !FENCE_LINE.test(line) && !delimiterRow;
}

/** A piece must not end on an unpaired backslash, which would escape the ellipsis after it. */
function withoutLoneBackslash(piece: string): string {
  let run = 0;
  while (run < piece.length && piece[piece.length - 1 - run] === '\\') run += 1;
  return run % 2 === 0 ? piece : piece.slice(0, -1);
}

function notice(count: number, limit: TextLimit): string {
  const unit = limit.unit === 'bytes' ? 'byte' : 'character';
  const why = `cut to fit GitHub's ${limit.max.toLocaleString('en-US')}-${unit} limit for ${withIndefiniteArticle(limit.what)}`;
  return count > 0 ? `…and ${count.toLocaleString('en-US')} more (${why})` : `…(${why})`;
}
