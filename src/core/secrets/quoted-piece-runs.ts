/** The inside of one quoted string literal in a text (`[start, end)`, between its quotes, as written). */
export interface QuotedPiece {
  readonly start: number;
  readonly end: number;
}

/**
 * Characters that may stand between two pieces of one joined value: blanks and line breaks, a
 * list's comma, brackets and `- ` items (a `!Join` / `Fn::Join` list, flow or block), and `+`
 * (`'ghp_' + 'abc…'` in code).
 */
const JOINER = /^[\s,+[\]-]*$/;
/** What follows a quoted key: blanks, then the colon of a JSON member or a YAML mapping. */
const KEY_FOLLOWS = /^[ \t]*:/;
/** Joiner text longer than this ends a run: a value split in pieces is written with its pieces close together. */
const MAX_GAP = 64;

/**
 * The runs of two or more quoted string literals (`'…'`, YAML's `''` inside; `"…"`, `\` escapes
 * inside; each within one line) that stand next to each other with only joiners between them
 * (JOINER), in order, keys (a literal followed by `:`) left out: what `!Join ['', ['-----BEGIN …', 'MII…']]`, `{"Fn::Join": ["", ["ghp_",
 * "abc…"]]}` or `'ghp_' + 'abc…'` write, wherever such text is quoted (a YAML scalar, a Markdown
 * code block, a log line). Pure and linear: each character is read a bounded number of times (a
 * quote that finds no close on its line marks the rest of that line, so later quotes of its kind
 * there are not tried again).
 */
export function quotedPieceRuns(text: string): QuotedPiece[][] {
  const runs: QuotedPiece[][] = [];
  let run: QuotedPiece[] = [];
  const unclosedUntil: Record<string, number> = { "'": -1, '"': -1 };
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if ((char !== "'" && char !== '"') || index < (unclosedUntil[char] ?? -1)) {
      index += 1;
      continue;
    }
    const close = closingQuote(text, index, char);
    if (close.at === -1) {
      unclosedUntil[char] = close.lineEnd;
      index += 1;
      continue;
    }
    const piece = { start: index + 1, end: close.at };
    const previous = run.at(-1);
    // A key (`"name": …`, `'name': …`) is no piece of a value: it ends the run it follows.
    const isKey = KEY_FOLLOWS.test(text.slice(close.at + 1, close.at + 1 + MAX_GAP));
    if (isKey || (previous !== undefined && !joins(text, previous.end + 1, index))) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
    if (!isKey) run.push(piece);
    index = close.at + 1;
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/** Where the literal opened at `open` closes, or -1 and where its line ends. */
function closingQuote(text: string, open: number, quote: string): { at: number; lineEnd: number } {
  for (let at = open + 1; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\n' || char === '\r') return { at: -1, lineEnd: at };
    if (quote === '"' && char === '\\') {
      at += 1;
      continue;
    }
    if (char !== quote) continue;
    // YAML's `''` is a quote inside a single-quoted scalar, not its end.
    if (quote === "'" && text[at + 1] === "'") {
      at += 1;
      continue;
    }
    return { at, lineEnd: at };
  }
  return { at: -1, lineEnd: text.length };
}

function joins(text: string, from: number, to: number): boolean {
  return to - from <= MAX_GAP && JOINER.test(text.slice(from, to));
}
