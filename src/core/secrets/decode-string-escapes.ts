/** A text with its escapes decoded, and where each of its characters was written in the source. */
export interface DecodedEscapes {
  readonly decoded: string;
  /**
   * For each offset of `decoded`, the offset in the source where that character's writing starts
   * (`\u0041` is 6 characters long there); one more entry, the source's length, maps the end.
   */
  readonly sourceOffsets: readonly number[];
}

/** Escapes of one character after the backslash: JSON's (RFC 8259 §7) and YAML 1.2's double-quoted ones (§5.7). */
const SINGLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
  a: '\x07',
  v: '\v',
  e: '\x1b',
  ' ': ' ',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/**
 * YAML 1.2's escaped line break inside a double-quoted scalar (§7.3.1, example 7.5): a backslash
 * ending a line joins it to the next, the line break and the next line's leading blanks dropped,
 * so `"ghp_abc\⏎    def"` reads `ghp_abcdef`.
 */
const ESCAPED_LINE_BREAK = /^\\(?:\r\n|\n|\r)[ \t]*/;

/** Escapes by code point: `\xXX` (YAML), `\uXXXX` (JSON and YAML), `\UXXXXXXXX` (YAML), by their hex digit count. */
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;
/**
 * Characters an escaped line break is looked for in (the break and the next line's indentation):
 * deeper indentation than this is left as written past the bound, which keeps decoding linear.
 */
const MAX_FOLDED_LENGTH = 256;

/**
 * `text` with every escape of a JSON string (`\"`, `\\`, `\/`, `\n`, `\uXXXX`, …), a YAML
 * double-quoted scalar (those and `\xXX`, `\UXXXXXXXX`, `\e`, `\N`, …) or a YAML single-quoted
 * one (`''` for `'`, as in `'{''password'': ''…''}'`) decoded one level, and YAML's escaped line
break (a backslash ending a line) joined away,
 * wherever it is written: inside a string or not, between quotes that pair up or not, in a
 * document cut off anywhere. Anything else, an unknown escape included, is kept as written. What
 * a scanner then sees is what a reader of the decoded text sees: a name and its value that only
 * meet once `\"` is decoded, a key spelt with `\u0061`, a token split by `\x41`. Pure, linear.
 */
export function decodeStringEscapes(text: string): DecodedEscapes {
  const parts: string[] = [];
  const sourceOffsets: number[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    const escape =
      char === '\\'
        ? decodedEscape(text, index)
        : char === "'" && text[index + 1] === "'"
          ? { char: "'", length: 2 }
          : undefined;
    const decoded = escape?.char ?? char;
    // An escaped line break decodes to nothing, so it has no offset of its own.
    if (decoded !== '') sourceOffsets.push(index);
    parts.push(decoded);
    index += escape?.length ?? 1;
  }
  sourceOffsets.push(text.length);
  return { decoded: parts.join(''), sourceOffsets };
}

function decodedEscape(text: string, at: number): { char: string; length: number } | undefined {
  const name = text[at + 1] ?? '';
  if (name === '\n' || name === '\r') {
    // Bounded look: the blanks after the break are matched from `at` only.
    const lineBreak = ESCAPED_LINE_BREAK.exec(text.slice(at, at + MAX_FOLDED_LENGTH));
    return lineBreak === null ? undefined : { char: '', length: lineBreak[0].length };
  }
  const single = Object.hasOwn(SINGLE_ESCAPES, name) ? SINGLE_ESCAPES[name] : undefined;
  if (single !== undefined) return { char: single, length: 2 };
  const digits = Object.hasOwn(HEX_DIGITS, name) ? HEX_DIGITS[name] : undefined;
  if (digits === undefined) return undefined;
  const hex = text.slice(at + 2, at + 2 + digits);
  if (hex.length !== digits || !HEX.test(hex)) return undefined;
  const codePoint = parseInt(hex, 16);
  if (codePoint > 0x10ffff) return undefined;
  return { char: String.fromCodePoint(codePoint), length: 2 + digits };
}
