/**
 * The index just past the JSON string token that opens at `start` (a `"`): its escapes skipped (a
 * backslash and the character after it), its closing quote included; the text's length when the
 * string is not closed. Reads no further than the string, so a scan of a larger text (comments,
 * brackets, keys) can step over it. RFC 8259 §7.
 */
export function jsonStringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (char === '\\') at += 2;
    else if (char === '"') return at + 1;
    else at += 1;
  }
  return text.length;
}
