import { sortPhrase } from './sort-phrase.js';
import { timePhrase } from './time-phrase.js';

/**
 * A list's words with the asides no route answers taken out: when (`placed this week`) and in what
 * order (`sorted by total`). What is left is read as the list's object and qualifiers; the asides are
 * said in the story's coverage row.
 */
export function listAsides(words: readonly string[]): {
  readonly kept: readonly string[];
  readonly time?: string;
  readonly sort?: string;
} {
  const time = timePhrase(words);
  const sort = sortPhrase(time?.kept ?? words);
  return {
    kept: sort?.kept ?? time?.kept ?? words,
    ...(time === undefined ? {} : { time: time.said }),
    ...(sort === undefined ? {} : { sort: sort.said }),
  };
}
