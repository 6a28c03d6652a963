import { firstDuplicateJsonKey } from './first-duplicate-json-key.js';
import { jsonStringEnd } from './json-string-end.js';

/**
 * Parses JSON with comments (`//`, `/* *\/`) and trailing commas, as TypeScript reads a
 * `tsconfig.json` (TSConfig Reference: "JSON with comments"; TypeScript's `parseConfigFileTextToJson`).
 * Strict otherwise (`JSON.parse` of the text without them), so what it reads, TypeScript reads
 * alike; an object naming a key twice is refused too (RFC 8259 §4: which value a reader keeps is
 * unpredictable). Returns the value, or why it cannot be read. Never throws; the caller bounds
 * the text's length.
 */
export function parseJsonc(text: string): { ok: true; value: unknown } | { ok: false; why: string } {
  const plain = withoutTrailingCommas(withoutComments(text.replace(/^\uFEFF/, '')));
  if (plain === undefined) return { ok: false, why: 'a comment is not closed' };
  if (firstDuplicateJsonKey(plain) !== undefined) return { ok: false, why: 'it names a key twice' };
  try {
    return { ok: true, value: JSON.parse(plain) };
  } catch {
    return { ok: false, why: 'it does not parse' };
  }
}

/** The text with each comment outside strings replaced by a space; undefined when a block comment is not closed. */
function withoutComments(text: string): string | undefined {
  return rewriteOutsideStrings(text, (at) => {
    if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      return { write: ' ', next: end === -1 ? text.length : end };
    }
    if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      return end === -1 ? undefined : { write: ' ', next: end + 2 };
    }
    return { write: text[at] ?? '', next: at + 1 };
  });
}

/** The text without a comma that only whitespace separates from a closing `}` or `]` (outside strings). */
function withoutTrailingCommas(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return rewriteOutsideStrings(text, (at) => {
    const char = text[at] ?? '';
    return { write: char === ',' && closesNext(text, at + 1) ? '' : char, next: at + 1 };
  });
}

/**
 * The text with its strings copied as they are and the rest rewritten by `step`, which is given the
 * index of a character outside strings and says what to write for it and where to go on (past that
 * index), or undefined to give up (then the whole is undefined).
 */
function rewriteOutsideStrings(
  text: string,
  step: (at: number) => { write: string; next: number } | undefined,
): string | undefined {
  let out = '';
  let at = 0;
  while (at < text.length) {
    if (text[at] === '"') {
      const end = jsonStringEnd(text, at);
      out += text.slice(at, end);
      at = end;
      continue;
    }
    const taken = step(at);
    if (taken === undefined) return undefined;
    out += taken.write;
    at = taken.next;
  }
  return out;
}

/** Whether the first character from `from` that is not whitespace closes an object or array. */
function closesNext(text: string, from: number): boolean {
  let next = from;
  while (next < text.length && /\s/.test(text[next] ?? '')) next += 1;
  return text[next] === '}' || text[next] === ']';
}
