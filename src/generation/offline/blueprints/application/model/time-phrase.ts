/** Periods a list may be narrowed to (`this week`, `last 30 days`). */
const PERIODS = new Set(['hour', 'day', 'week', 'weekend', 'fortnight', 'month', 'quarter', 'year']);
const RELATIVE = new Set(['this', 'last', 'next', 'past', 'previous', 'current']);
/** Words that are a time on their own (`list orders shipped today`). */
const TIMES = new Set(['today', 'yesterday', 'tonight', 'recently', 'lately']);
/** A preposition that belongs to the time phrase (`in the last week`, `during this month`). */
const LEADS = new Set(['in', 'during', 'within', 'over', 'for', 'since']);
/** What introduces one day a list is asked for (`the bookings of a day`, `on a given date`, `per day`). */
const DAY_LEADS = new Set(['of', 'on', 'for', 'per']);
/** Words between that lead and the day (`a given`, `one specific`). */
const DAY_DETERMINERS = new Set([
  'a',
  'an',
  'one',
  'the',
  'given',
  'single',
  'specific',
  'certain',
  'chosen',
]);
const DAYS = new Set(['day', 'date']);

/**
 * `list orders placed this week`, `list tickets closed in the last 30 days`, `orders shipped today`,
 * `the bookings of a day`: the words naming when, taken out of a list's phrase so they are not read as its noun (`week`) or
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
  return dayPhrase(words);
}

/**
 * `the bookings of a day`, `reservations on a given date`, `per day`: one day the items are asked
 * for, never an owner `day` (`?dayId=`); `by date` is left alone, a field a list may filter on.
 */
function dayPhrase(words: readonly string[]): { readonly kept: string[]; readonly said: string } | undefined {
  for (let at = 0; at < words.length; at += 1) {
    if (!DAY_LEADS.has(words[at] ?? '')) continue;
    let end = at + 1;
    while (end < words.length && end - at <= 3 && DAY_DETERMINERS.has(words[end] ?? '')) end += 1;
    if (DAYS.has(words[end] ?? ''))
      return {
        kept: [...words.slice(0, at), ...words.slice(end + 1)],
        said: words.slice(at, end + 1).join(' '),
      };
  }
  return undefined;
}
