import { contentWords } from './story-words.js';

/**
 * `void an unpaid invoice`, `cancel an unshipped order`: the `un-` participle before the object's noun
 * names the state the item must not be in (`paid`, `shipped`), so the move is refused from it.
 * Undefined when the word before the noun is not one.
 */
export function negatedState(phrase: readonly string[]): string | undefined {
  const content = contentWords(phrase.filter((word) => word !== 's'));
  const before = content.at(-2);
  if (before === undefined) return undefined;
  const match = /^un([a-z]{2,}(?:ed|en|id|nt))$/.exec(before);
  return match?.[1];
}
