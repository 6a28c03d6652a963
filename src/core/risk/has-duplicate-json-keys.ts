import { firstDuplicateJsonKey } from '../untrusted/first-duplicate-json-key.js';

/**
 * Whether a JSON text names a key twice in one object, the keys compared once decoded
 * (`"a"` and `"\u0061"` are one key): `firstDuplicateJsonKey` finds one (RFC 8259 §4, the behaviour
 * of software reading such an object "is unpredictable"). Also reads a text with `${…}` parts; a
 * text that is not JSON at all simply finds none.
 */
export function hasDuplicateJsonKeys(text: string): boolean {
  return firstDuplicateJsonKey(text) !== undefined;
}
