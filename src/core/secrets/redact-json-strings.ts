import { redactSecrets } from './redact-secrets.js';

/**
 * A JSON value (what `JSON.parse` or a zod schema returns) with every string in it redacted, each
 * scanned on its own, as its author wrote it: inside a JSON text a quoted secret is escaped
 * (`\"`) and some patterns no longer match. Keys, numbers, booleans and null are kept.
 */
export async function redactJsonStrings<T>(value: T): Promise<T> {
  // The walk keeps the shape: a string stays a string, an array an array, an object the same keys.
  return (await redactValue(value)) as T;
}

async function redactValue(value: unknown): Promise<unknown> {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) items.push(await redactValue(item));
    return items;
  }
  if (value === null || typeof value !== 'object') return value;
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) entries.push([key, await redactValue(item)]);
  return Object.fromEntries(entries);
}
