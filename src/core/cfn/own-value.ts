/**
 * `record[key]` when the record itself holds that key, else undefined: a template's names
 * (`toString`, `constructor`, `__proto__`) never reach `Object.prototype`'s members.
 */
export function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
