import { isPlural } from '../../../naming/singular.js';

/** Words of when a participle is done that no time phrase reads (`expiring soon`). */
const WHEN = new Set(['soon', 'now', 'today', 'tomorrow', 'shortly', 'later']);
/** The fewest letters a present participle has (`going`), so `king`, `ring` are not read as one. */
const SHORTEST = 5;
/**
 * Words after a plural noun that start a phrase of what state the items are near, with more words
 * after them (`due for service`, `expiring in March`). Any present participle that ends the words is
 * read without this list (`orders shipping`); `expiring` and `ending` are here for when words follow.
 */
const AFTER_NOUN = new Set([
  'due',
  'overdue',
  'late',
  'expiring',
  'ending',
  'outstanding',
  'pending',
  'past',
]);

/**
 * The phrase after a list's plural noun that says what the items are doing or are near, which no
 * filter answers and which is never the list's noun (a resource `expiring`, `due`):
 * - `certificates expiring`, `orders shipping soon`: a present participle ending the words, right
 *   after the plural noun, with any `soon` after it;
 * - else `vehicles due for service`, `permits expiring in March`, `loans overdue`: one of the words
 *   above right after a plural noun, and all that follows it.
 * Returns the words before the phrase and the phrase said, else undefined.
 */
export function postNounPhrase(
  words: readonly string[],
): { readonly kept: readonly string[]; readonly said: string } | undefined {
  return trailingParticiple(words) ?? stateAfterNoun(words);
}

function trailingParticiple(words: readonly string[]): { kept: string[]; said: string } | undefined {
  const timed = WHEN.has(words.at(-1) ?? '') ? 1 : 0;
  const gerund = words.at(-1 - timed);
  const noun = words.at(-2 - timed);
  if (gerund === undefined || noun === undefined) return undefined;
  if (gerund.length < SHORTEST || !gerund.endsWith('ing') || !isPlural(noun)) return undefined;
  return { kept: words.slice(0, -1 - timed), said: words.slice(-1 - timed).join(' ') };
}

function stateAfterNoun(words: readonly string[]): { kept: string[]; said: string } | undefined {
  const at = words.findIndex(
    (word, index) => index > 0 && AFTER_NOUN.has(word) && isPlural(words[index - 1] ?? ''),
  );
  if (at === -1) return undefined;
  return { kept: words.slice(0, at), said: words.slice(at).join(' ') };
}
