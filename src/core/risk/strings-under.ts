import { isPlainObject } from '../cfn/is-plain-object.js';

/**
 * The strings in a parsed JSON or YAML value at any depth: a string itself, a list's items, an
 * object's values (never its keys). Nesting past `maxDepth` levels is not read (bounded work on
 * untrusted settings files); numbers, booleans and null give nothing.
 */
export function stringsUnder(value: unknown, maxDepth: number, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > maxDepth) return [];
  if (Array.isArray(value)) return value.flatMap((item) => stringsUnder(item, maxDepth, depth + 1));
  if (isPlainObject(value))
    return Object.values(value).flatMap((item) => stringsUnder(item, maxDepth, depth + 1));
  return [];
}
