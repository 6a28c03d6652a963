import { joinedModifiers } from './joined-modifiers.js';
import { postNounPhrase } from './post-noun-phrase.js';
import { rangePhrase } from './range-phrase.js';
import { sortPhrase } from './sort-phrase.js';
import { timePhrase } from './time-phrase.js';

/**
 * A list's words with the asides no route answers taken out: when (`placed this week`) and in what
 * order (`sorted by total`), a range of time (`between two dates`, which the list answers), and
 * what the items are doing (`expiring`, read with the time after it). What is left is read as the list's object and qualifiers; the asides are
 * said in the story's coverage row.
 */
export function listAsides(words: readonly string[]): {
  readonly kept: readonly string[];
  readonly time?: string;
  readonly sort?: string;
  /** `between two dates`: a range of time the list is read in (`?from=&to=`). */
  readonly range?: string;
  /** `certificates expiring`: what the items are doing, no filter the list answers and never its noun. */
  readonly doing?: string;
  /** `revoked or expired permits` → `expired`: values joined to the first, not filtered. */
  readonly others?: readonly string[];
} {
  const range = rangePhrase(words);
  const time = timePhrase(range?.kept ?? words);
  const sort = sortPhrase(time?.kept ?? range?.kept ?? words);
  const left = sort?.kept ?? time?.kept ?? range?.kept ?? words;
  // `certificates expiring in the next 30 days`: the participle belongs to the time it is bounded by;
  // `vehicles due for service`: a phrase after the noun, said whole when no time bounds it.
  const doing = postNounPhrase(left);
  const said = time === undefined ? undefined : [doing?.said, time.said].filter(Boolean).join(' ');
  const object = doing?.kept ?? left;
  // `revoked or expired permits`: the other values are said, the first filters.
  const joined = joinedModifiers(object);
  const others = joined === undefined ? undefined : joined.others;
  return {
    kept: joined?.kept ?? object,
    ...(others === undefined ? {} : { others }),
    ...(range === undefined ? {} : { range: range.said }),
    ...(said === undefined ? {} : { time: said }),
    ...(sort === undefined ? {} : { sort: sort.said }),
    ...(doing === undefined || time !== undefined ? {} : { doing: doing.said }),
  };
}
