/** Words naming a point in time a range is between (`between two dates`, `between two times`). */
const POINTS = new Set(['date', 'dates', 'time', 'times', 'timestamp', 'timestamps', 'day', 'days']);
const COUNTS = new Set(['two', '2', 'a', 'the']);
const RANGE_LEADS = new Set(['in', 'within', 'for', 'over']);

/**
 * `list entries by actor between two dates`, `… in a date range`, `… within a time range`: the words
 * asking for items in a range of time, taken out of a list's phrase so they are not read as its
 * noun or an owner. `kept` is the phrase without them; undefined when the words ask for no range.
 */
export function rangePhrase(
  words: readonly string[],
): { readonly kept: string[]; readonly said: string } | undefined {
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] ?? '';
    let end = -1;
    if (word === 'between') {
      const count = COUNTS.has(words[at + 1] ?? '') ? 1 : 0;
      if (POINTS.has(words[at + 1 + count] ?? '')) end = at + 2 + count;
    } else if (RANGE_LEADS.has(word)) {
      const article = words[at + 1] === 'a' || words[at + 1] === 'the' ? 1 : 0;
      const point = words[at + 1 + article] ?? '';
      if ((point === 'date' || point === 'time') && words[at + 2 + article] === 'range')
        end = at + 3 + article;
    }
    if (end !== -1)
      return { kept: [...words.slice(0, at), ...words.slice(end)], said: words.slice(at, end).join(' ') };
  }
  return undefined;
}
