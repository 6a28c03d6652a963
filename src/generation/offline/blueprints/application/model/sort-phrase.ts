import { CONNECTORS } from './story-connectors.js';

/** Participles that order or group a list rather than name a state (`sorted by total`). */
const ORDERING = new Set(['sorted', 'ordered', 'ranked', 'grouped', 'arranged']);
/** Words after `by` that name someone, not a field (`ordered by a customer`). */
const WHO = new Set(['a', 'an', 'me', 'my', 'us', 'our', 'someone', 'anyone']);

/**
 * `list orders sorted by total`, `list tickets ordered by priority`: the words asking for an order,
 * taken out of a list's phrase so `sorted` is not read as a status nor `by total` as an owner.
 * `kept` is the phrase without them; undefined when the words ask for no order.
 */
export function sortPhrase(
  words: readonly string[],
): { readonly kept: string[]; readonly said: string } | undefined {
  // `products ordered by a customer`, `ordered by me`: who bought them, not an order to list them in.
  const start = words.findIndex(
    (word, index) =>
      ORDERING.has(word) &&
      (words[index + 1] === 'by' || words[index + 1] === 'in') &&
      !WHO.has(words[index + 2] ?? ''),
  );
  if (start === -1) return undefined;
  const after = words.slice(start + 2).findIndex((word) => CONNECTORS.has(word) && word !== 'and');
  const end = after === -1 ? words.length : start + 2 + after;
  return { kept: [...words.slice(0, start), ...words.slice(end)], said: words.slice(start, end).join(' ') };
}
