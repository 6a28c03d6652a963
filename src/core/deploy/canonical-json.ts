import { isRecord } from '../request/is-record.js';

/**
 * One text per JSON value whatever the order its object keys arrive in: keys sorted by UTF-16 code
 * units at every depth, no whitespace, `undefined` members left out (as `JSON.stringify` does).
 * GitHub hands a deployment's payload back re-serialized, so a signature must not depend on key
 * order. Throws for values JSON cannot hold (a bigint, a cycle).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (isRecord(value)) {
    const members = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
