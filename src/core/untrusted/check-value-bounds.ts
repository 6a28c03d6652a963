import { MAX_NESTING_DEPTH, MAX_VALUE_COUNT } from './untrusted-input-limits.js';

export interface ValueBoundsProblem {
  /** Dotted path of the first value past a bound (`a.b.0`), or `` for the whole document. */
  readonly path: string;
  readonly message: string;
}

/**
 * Checks a parsed value — a webhook's `client_payload`, a YAML document — against the nesting and
 * count bounds without recursion, so a payload nested 5,000 levels (which would overflow the stack
 * of `JSON.stringify` or any recursive walk) is refused in time linear in its size. Only own
 * enumerable properties are visited. Returns the first problem, or undefined within bounds.
 */
export function checkValueBounds(
  value: unknown,
  limits: { readonly maxDepth?: number; readonly maxValues?: number } = {},
): ValueBoundsProblem | undefined {
  const maxDepth = limits.maxDepth ?? MAX_NESTING_DEPTH;
  const maxValues = limits.maxValues ?? MAX_VALUE_COUNT;
  const pending: { value: unknown; path: readonly string[] }[] = [{ value, path: [] }];
  let seen = 1;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.path.length >= maxDepth)
      return { path: next.path.join('.'), message: `is nested more than ${maxDepth} levels deep` };
    for (const key in next.value) {
      if (!Object.hasOwn(next.value, key)) continue;
      if ((seen += 1) > maxValues)
        return { path: '', message: `holds more than ${maxValues.toLocaleString('en-US')} values` };
      pending.push({ value: (next.value as Record<string, unknown>)[key], path: [...next.path, key] });
    }
  }
  return undefined;
}
