import { isPlural } from '../../../naming/singular.js';

/** Words of when a participle is done that no time phrase reads (`expiring soon`). */
const WHEN = new Set(['soon', 'now', 'today', 'tomorrow', 'shortly', 'later']);
/** The fewest letters a present participle has (`going`), so `king`, `ring` are not read as one. */
const SHORTEST = 5;

/**
 * `certificates expiring`, `orders shipping`: a list's words ending in a present participle right
 * after a plural noun, with any `soon` after it. The participle says what the items are doing, so it is never the list's noun
 * (a resource `expiring`); the words without it and the participle, else undefined.
 */
export function trailingGerund(
  words: readonly string[],
): { readonly kept: readonly string[]; readonly gerund: string } | undefined {
  const timed = WHEN.has(words.at(-1) ?? '') ? 1 : 0;
  const gerund = words.at(-1 - timed);
  const noun = words.at(-2 - timed);
  if (gerund === undefined || noun === undefined) return undefined;
  if (gerund.length < SHORTEST || !gerund.endsWith('ing') || !isPlural(noun)) return undefined;
  return { kept: words.slice(0, -1 - timed), gerund: words.slice(-1 - timed).join(' ') };
}
