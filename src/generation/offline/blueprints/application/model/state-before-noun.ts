import { STATE_ADJECTIVES } from './list-states.js';
import { contentWords } from './story-words.js';

/**
 * `delete a closed ticket`: the word before the object's noun names the state the item must be in.
 * Participles (`closed`, `cancelled`, `written`) and a few state adjectives count; other words are
 * part of the noun (`a line item`).
 */
export function stateBeforeNoun(phrase: readonly string[]): string | undefined {
  const content = contentWords(phrase.filter((word) => word !== 's'));
  const before = content.at(-2);
  if (before === undefined || content.length < 2) return undefined;
  return /^[a-z]+(?:ed|en)$/.test(before) || STATE_ADJECTIVES.has(before) ? before : undefined;
}
