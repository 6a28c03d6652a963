import { timePhrase } from './model/time-phrase.js';
import type { Operation } from './model/resource-model-types.js';
import { wordsOfText } from './model/words-of-text.js';

/**
 * `the bookings of a day`, `reservations on a given date`, `today's deliveries`: the words of a
 * clause naming when the items listed are, or undefined. A range (`between two dates`) is no such
 * ask: the list answers it with `?from=&to=` when the model reads one.
 */
export function askedListTime(text: string): string | undefined {
  return timePhrase(wordsOfText(text))?.said;
}

/**
 * For a list route with no range of time (`?from=&to=`), the gap of a clause asking it for the items
 * of a day or a period (`List the bookings of a day.`): the list does not narrow by when, so the row
 * is not met by the plain list. Undefined for any other route, or a list reading a range.
 */
export function listTimeGap(
  operation: Operation,
  collection: string,
): ((clauseText: string) => readonly string[]) | undefined {
  if (operation.kind !== 'list' || operation.filters.some((filter) => filter.range === true))
    return undefined;
  return (clauseText) => {
    const said = askedListTime(clauseText);
    return said === undefined
      ? []
      : [
          `"${said}" is not a filter of ${operation.routeKey}: it reads no day or time range (no story asks to list ${collection} between two dates), so all ${collection} are listed whatever their day`,
        ];
  };
}
