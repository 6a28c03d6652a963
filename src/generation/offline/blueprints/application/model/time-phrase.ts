/** Periods a list may be narrowed to (`this week`, `last 30 days`). */
const PERIODS = new Set(['hour', 'day', 'week', 'weekend', 'fortnight', 'month', 'quarter', 'year']);
const RELATIVE = new Set(['this', 'last', 'next', 'past', 'previous', 'current']);
/** Words that are a time on their own (`list orders shipped today`). */
const TIMES = new Set(['today', 'yesterday', 'tonight', 'recently', 'lately']);
/** A preposition that belongs to the time phrase (`in the last week`, `during this month`). */
const LEADS = new Set(['in', 'during', 'within', 'over', 'for', 'since']);

/**
 * `list orders placed this week`, `list tickets closed in the last 30 days`, `orders shipped today`:
 * the words naming when, taken out of a list's phrase so they are not read as its noun (`week`) or
 * an owner. `kept` is the phrase without them; undefined when the words name no time.
 */
export function timePhrase(
  words: readonly string[],
): { readonly kept: string[]; readonly said: string } | undefined {
  const isPeriod = (word: string | undefined) =>
    word !== undefined && (PERIODS.has(word) || PERIODS.has(word.replace(/s$/, '')));
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? '';
    const next = words[index + 1];
    const length = TIMES.has(word)
      ? 1
      : RELATIVE.has(word) && isPeriod(next)
        ? 2
        : RELATIVE.has(word) && /^\d+$/.test(next ?? '') && isPeriod(words[index + 2])
          ? 3
          : 0;
    if (length === 0) continue;
    const the = words[index - 1] === 'the' ? 1 : 0;
    const lead = LEADS.has(words[index - 1 - the] ?? '') ? 1 + the : 0;
    const start = index - lead;
    return {
      kept: [...words.slice(0, start), ...words.slice(index + length)],
      said: words.slice(start, index + length).join(' '),
    };
  }
  return undefined;
}
