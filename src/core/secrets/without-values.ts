/**
 * `text` with every occurrence of each of `values` replaced by `marker`: as written, and as JSON
 * writes it once and twice escaped (a stack event's status reason quoting a JSON document), so a
 * value with a quote or backslash is found inside JSON too. `values` longest first. Pure.
 */
export function textWithoutValues(text: string, values: readonly string[], marker: string): string {
  let out = text;
  for (const value of values) {
    const once = JSON.stringify(value).slice(1, -1);
    const twice = JSON.stringify(once).slice(1, -1);
    for (const form of new Set([value, once, twice])) out = out.split(form).join(marker);
  }
  return out;
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
