import { isPlainObject } from './is-plain-object.js';

/** A short description of a value that was not what a function expected. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isPlainObject(value)) return 'a mapping';
  return typeof value === 'string' ? `"${value}"` : String(value);
}
