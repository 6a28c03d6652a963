/** The inside of one quoted string literal in a text (`[start, end)`, between its quotes, as written). */
export interface QuotedPiece {
  readonly start: number;
  readonly end: number;
}

/**
 * Characters that may stand between two pieces of one joined value: blanks and line breaks, a
 * list's comma, brackets and `- ` items (a `!Join` / `Fn::Join` list, flow or block), `+`
 * (`'ghp_' + 'abc…'` in code) and grouping parentheses, which change no value (`'ghp_' + ('abc…')`,
 * `('ghp_' + ('abc' + '…'))`).
 */
const JOINER = /^[\s,+()[\]-]*$/;
/** What follows a quoted key: blanks, then the colon of a JSON member or a YAML mapping. */
const KEY_FOLLOWS = /^[ \t]*:/;
/** Joiner text longer than this ends a run: a value split in pieces is written with its pieces close together. */
const MAX_GAP = 64;

/**
 * The runs of two or more quoted string literals (`'…'`, YAML's `''` inside; `"…"` and template
 * literals `` `…` `` without a `${…}`, `\` escapes inside; each within one line) that stand next to each other with only joiners between them
 * (JOINER), in order, keys (a literal followed by `:`) left out: what `!Join ['', ['-----BEGIN …', 'MII…']]`, `{"Fn::Join": ["", ["ghp_",
 * "abc…"]]}` or `'ghp_' + 'abc…'` write, wherever such text is quoted (a YAML scalar, a Markdown
 * code block, a log line). Pure and linear: each character is read a bounded number of times (a
 * quote that finds no close on its line marks the rest of that line, so later quotes of its kind
 * there are not tried again).
 */
export function quotedPieceRuns(text: string): QuotedPiece[][] {
  const runs: QuotedPiece[][] = [];
  let run: QuotedPiece[] = [];
  const unclosedUntil: Record<string, number> = { "'": -1, '"': -1, '`': -1 };
  // The closing backtick of a span read as text (below), which opens nothing.
  let spanCloseAt = -1;
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (
      (char !== "'" && char !== '"' && char !== '`') ||
      index < (unclosedUntil[char] ?? -1) ||
      index === spanCloseAt
    ) {
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
    // Backticks around a substitution (`${…}`, whose value the text does not hold) or around
    // quotes (Markdown's inline code: `` `!Join ['', ['ghp_', '…']]` ``) are no piece: the
    // text inside is read on, its closing backtick opening nothing.
    if (char === '`' && /\$\{|['"]/.test(text.slice(piece.start, piece.end))) {
      if (run.length > 1) runs.push(run);
      run = [];
      spanCloseAt = close.at;
      index += 1;
      continue;
    }
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
    if (quote !== "'" && char === '\\') {
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

/** After a join's delimiter, the list it joins: `, [` (flow) or a line break then `- -` (a YAML block list). */
const LIST_FOLLOWS = /^[ \t]*(?:,[ \t]*\[|\r?\n[ \t]*-[ \t]+-[ \t])/;

/**
 * Whether `run`'s first piece is a join's delimiter: followed by the list it joins
 * (`!Join ['_', ['ghp', '…']]`, `{"Fn::Join": ["_", ["ghp", "…"]]}`). Pure.
 */
export function leadsWithDelimiter(text: string, run: readonly QuotedPiece[]): boolean {
  const first = run[0];
  return (
    first !== undefined &&
    run.length > 2 &&
    LIST_FOLLOWS.test(text.slice(first.end + 1, first.end + 1 + MAX_GAP))
  );
}

/** A piece's value with its escapes decoded, and where each of its characters (and its end) is in the text. */
export interface DecodedPiece {
  readonly text: string;
  /** Source offset of each character of `text`, and of its end (length `text.length + 1`); absent when the piece holds no escape. */
  readonly sources?: readonly number[];
  readonly start: number;
  readonly end: number;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/**
 * `piece`'s value as its language reads it: `\` escapes decoded (`\uXXXX`, `\u{…}`, `\xHH`,
 * `\n` and the like; any other escaped character stands for itself) and YAML's `''` read as `'`,
 * so a value written with escapes joins as the value it is. Pure; linear in the piece.
 */
export function decodePiece(text: string, piece: QuotedPiece): DecodedPiece {
  const raw = text.slice(piece.start, piece.end);
  const quote = text[piece.start - 1];
  if (!raw.includes('\\') && !(quote === "'" && raw.includes("''"))) return { text: raw, ...piece };
  let decoded = '';
  const sources: number[] = [];
  let at = 0;
  while (at < raw.length) {
    const char = raw[at] ?? '';
    let value = char;
    let width = 1;
    if (quote === "'" && char === "'" && raw[at + 1] === "'") width = 2;
    else if (char === '\\' && at + 1 < raw.length) {
      ({ value, width } = readEscape(raw, at));
    }
    for (const unit of value) {
      for (let index = 0; index < unit.length; index += 1) sources.push(piece.start + at);
      decoded += unit;
    }
    at += width;
  }
  sources.push(piece.end);
  return { text: decoded, sources, ...piece };
}

function readEscape(raw: string, at: number): { value: string; width: number } {
  const next = raw[at + 1] ?? '';
  const hex = (digits: string) => (/^[0-9a-fA-F]+$/.test(digits) ? Number.parseInt(digits, 16) : undefined);
  if (next === 'u' && raw[at + 2] === '{') {
    const close = raw.indexOf('}', at + 3);
    const code = close > 0 && close - at <= 10 ? hex(raw.slice(at + 3, close)) : undefined;
    if (code !== undefined && code <= 0x10ffff)
      return { value: String.fromCodePoint(code), width: close + 1 - at };
  }
  if (next === 'u') {
    const code = hex(raw.slice(at + 2, at + 6));
    if (code !== undefined && raw.slice(at + 2, at + 6).length === 4)
      return { value: String.fromCharCode(code), width: 6 };
  }
  if (next === 'x') {
    const code = hex(raw.slice(at + 2, at + 4));
    if (code !== undefined && raw.slice(at + 2, at + 4).length === 2)
      return { value: String.fromCharCode(code), width: 4 };
  }
  return { value: SIMPLE_ESCAPES[next] ?? next, width: 2 };
}
