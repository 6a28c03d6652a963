import { camel } from './camel.js';
import { contentWords } from './story-words.js';

/** Words naming something an owner has (`customer email`, `account number`), so the phrase is not the owner. */
export const OWNER_ATTRIBUTES = new Set(['email', 'phone', 'name', 'address', 'number', 'reference', 'code']);

/** `by customer email` → `customerEmail`: the field an owner's attribute names; undefined for other phrases. */
export function ownerAttribute(words: readonly string[]): string | undefined {
  const content = contentWords(words.filter((candidate) => candidate !== 's'));
  return content.length === 2 && OWNER_ATTRIBUTES.has(content[1] ?? '') ? camel(content) : undefined;
}
