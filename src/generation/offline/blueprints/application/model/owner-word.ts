import { singular } from '../../../naming/singular.js';
import { OWNER_ATTRIBUTES } from './owner-attribute.js';
import { contentWords } from './story-words.js';

/** Attribute words that are not the owner of a list (`list orders by status`). */
const NOT_OWNERS = new Set(['status', 'state', 'date', 'name', 'price', 'type', 'category', 'time', 'id']);

/** `for a customer`, `by customer` → `customer`: whose the items are; undefined for an attribute (`by status`, `by customer email`). */
export function ownerWord(words: readonly string[]): string | undefined {
  const content = contentWords(words.filter((candidate) => candidate !== 's'));
  const word = content.at(0);
  // `by customer email` names the customer's email, a value to match, not whose the items are.
  if (content.length > 1 && OWNER_ATTRIBUTES.has(content.at(-1) ?? '')) return undefined;
  return word === undefined || NOT_OWNERS.has(word) ? undefined : singular(word);
}
