import { plural } from '../../naming/plural.js';
import { spokenName } from '../../naming/spoken-name.js';
import type { ParsedStory } from './model/parsed-story.js';
import type { FieldSpec, Operation } from './model/resource-model-types.js';
import { wordsOfText } from './model/words-of-text.js';

/** Words asking for what remains of an allowance, not how many there are (`how many calls I have left`). */
const REMAINDER_WORDS = new Set(['left', 'remaining', 'remain', 'remains']);
/** Periods a count may be asked within (`this minute`, `per day`, `today`). */
const PERIODS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
const PERIOD_LEADS = new Set(['this', 'per', 'each', 'every', 'a', 'last', 'past']);

/**
 * What a count route (`GET /calls/count`, every stored call) does not answer of the story it
 * serves: a word before the noun that is none of the resource's `statuses` (`how many frozen
 * cards`), a remainder (`left`: a limit minus the count, which needs each call linked to what limits
 * it), a period (`this minute`: only the calls made in it) and a declared field the story counts by
 * (`how many entries an actor has`) that the route takes no filter on. Each one is a gap, so the
 * row is partial. `fields`: the counted resource's declared fields.
 */
export function countGaps(
  story: ParsedStory,
  operation: Operation,
  statuses: readonly string[] = [],
  fields: readonly FieldSpec[] = [],
): string[] {
  if (operation.kind !== 'count') return [];
  const words = wordsOfText(story.derived ?? story.intent.text);
  const remainder = words.find((word) => REMAINDER_WORDS.has(word));
  const period = words.findIndex((word, at) => PERIODS.has(word) && PERIOD_LEADS.has(words[at - 1] ?? ''));
  const today = words.includes('today') ? 'today' : undefined;
  const within = period === -1 ? today : words.slice(period - 1, period + 1).join(' ');
  const counted = spokenName(operation.resource);
  const many = plural(counted.split(' ').at(-1) ?? counted);
  const countedMany = [...counted.split(' ').slice(0, -1), many].join(' ');
  const filtered = new Set(operation.filters.map((filter) => filter.field));
  const unfiltered = fields.filter(
    (field) =>
      !filtered.has(field.name) && field.type === 'string' && words.includes(field.name.toLowerCase()),
  );
  return [
    ...(story.notAStatus === undefined
      ? []
      : [
          `"${story.notAStatus}" is not a status of ${countedMany} (${statuses.length === 0 ? 'they have none' : `theirs are ${statuses.join(', ')}`}): ${operation.routeKey} counts every ${counted} stored, whatever its ${statuses.length === 0 ? 'state' : 'status'}; list "${story.notAStatus}" among the statuses (or make it a field) to count only those`,
        ]),
    ...unfiltered.map(
      (field) =>
        `"${field.name}": ${operation.routeKey} takes no ?${field.name}= filter, so it counts every ${counted} stored, whatever its ${field.name}; a list story by it (\`list ${many} by ${field.name}\`) adds the filter to both`,
    ),
    ...(remainder === undefined
      ? []
      : [
          `"${remainder}": ${operation.routeKey} answers how many ${countedMany} are stored, not how many are ${remainder}: nothing subtracts the count from a limit, since no ${counted} is linked to the limit it counts against; add that link and a read that subtracts to cover it`,
        ]),
    ...(within === undefined
      ? []
      : [
          `"${within}": ${operation.routeKey} counts every ${counted} stored, not only those ${within === 'today' ? 'made today' : `in ${within.replace(/^(per|each|every|a)\b/, 'the current')}`}; no window of time is applied`,
        ]),
  ];
}
