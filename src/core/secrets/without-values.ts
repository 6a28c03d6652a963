import { escapeInlineText } from '../markdown/escape-inline-text.js';

/**
 * `text` with every occurrence of each of `values` replaced by `marker`: as written, as JSON
 * writes it once and twice escaped (a stack event's status reason quoting a JSON document), so a
 * value with a quote or backslash is found inside JSON too, and as our Markdown escaping writes it
 * (`escapeInlineText`: `*` → `\*`, `<` → `&lt;`, `@` + a zero-width space), so a value escaped for
 * a comment before it was looked for is still found. Callers remove values before they escape;
 * the escaped forms are the defence when one does not. `values` longest first. Pure.
 */
export function textWithoutValues(text: string, values: readonly string[], marker: string): string {
  let out = text;
  for (const value of values) {
    for (const form of formsOf(value)) out = out.split(form).join(marker);
  }
  return out;
}

/** `value` as written, JSON-escaped once and twice, and Markdown-escaped inside and at the start of a line. */
function formsOf(value: string): string[] {
  const once = JSON.stringify(value).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  const inline = escapeInlineText({ text: value, atLineStart: false });
  const lineStart = escapeInlineText({ text: value, atLineStart: true });
  // Longest first, so a form containing another is replaced whole; an empty form would match everywhere.
  return [...new Set([value, once, twice, inline, lineStart])]
    .filter((form) => form !== '')
    .sort((a, b) => b.length - a.length);
}

/**
 * `value` (plain data: strings, numbers, arrays, objects) with every string in it passed through
 * `textWithoutValues`, keys included; other values kept. Pure; depth is the data's own.
 */
export function withoutValues<T>(value: T, values: readonly string[], marker: string): T {
  if (values.length === 0) return value;
  return strip(value, values, marker) as T;
}

function strip(value: unknown, values: readonly string[], marker: string): unknown {
  if (typeof value === 'string') return textWithoutValues(value, values, marker);
  if (Array.isArray(value)) return value.map((item) => strip(item, values, marker));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      textWithoutValues(key, values, marker),
      strip(inner, values, marker),
    ]),
  );
}
