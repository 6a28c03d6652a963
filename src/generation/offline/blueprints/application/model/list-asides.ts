import { rangePhrase } from './range-phrase.js';
import { sortPhrase } from './sort-phrase.js';
import { timePhrase } from './time-phrase.js';

/**
 * A list's words with the asides no route answers taken out: when (`placed this week`) and in what
 * order (`sorted by total`), and a range of time (`between two dates`, which the list answers). What is left is read as the list's object and qualifiers; the asides are
 * said in the story's coverage row.
 */
export function listAsides(words: readonly string[]): {
  readonly kept: readonly string[];
  readonly time?: string;
  readonly sort?: string;
  /** `between two dates`: a range of time the list is read in (`?from=&to=`). */
  readonly range?: string;
} {
  const range = rangePhrase(words);
  const time = timePhrase(range?.kept ?? words);
  const sort = sortPhrase(time?.kept ?? range?.kept ?? words);
  return {
    kept: sort?.kept ?? time?.kept ?? range?.kept ?? words,
    ...(range === undefined ? {} : { range: range.said }),
    ...(time === undefined ? {} : { time: time.said }),
    ...(sort === undefined ? {} : { sort: sort.said }),
  };
}
