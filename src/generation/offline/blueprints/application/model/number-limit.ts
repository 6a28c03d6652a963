import { numberWord } from '../../../naming/number-word.js';

/** Bounds on a number, a length or a count; an exclusive bound is kept as written (`greater than 0`). */
export interface NumberLimit {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

/** A phrase bounding a number (`at most 280 characters`), found at a word. */
export interface LimitPhrase {
  readonly limit: NumberLimit;
  /** The word after the number when it names what is counted (`characters`, `items`, `cents`). */
  readonly unit?: string;
  /** Index of the first word after the phrase, not counting the unit. */
  readonly end: number;
}

type Bound = keyof NumberLimit;

/** The words that lead a bound, longest first within each bound (`no more than` before `more than`). */
const LEADS: readonly (readonly [string, Bound])[] = [
  ['no more than', 'maximum'],
  ['not more than', 'maximum'],
  ['no greater than', 'maximum'],
  ['no larger than', 'maximum'],
  ['no longer than', 'maximum'],
  ['no higher than', 'maximum'],
  ['a maximum of', 'maximum'],
  ['maximum of', 'maximum'],
  ['at most', 'maximum'],
  ['up to', 'maximum'],
  ['max', 'maximum'],
  ['maximum', 'maximum'],
  ['no less than', 'minimum'],
  ['not less than', 'minimum'],
  ['no fewer than', 'minimum'],
  ['no shorter than', 'minimum'],
  ['no lower than', 'minimum'],
  ['a minimum of', 'minimum'],
  ['minimum of', 'minimum'],
  ['at least', 'minimum'],
  ['min', 'minimum'],
  ['minimum', 'minimum'],
  ['greater than', 'exclusiveMinimum'],
  ['more than', 'exclusiveMinimum'],
  ['larger than', 'exclusiveMinimum'],
  ['bigger than', 'exclusiveMinimum'],
  ['higher than', 'exclusiveMinimum'],
  ['longer than', 'exclusiveMinimum'],
  ['above', 'exclusiveMinimum'],
  ['over', 'exclusiveMinimum'],
  ['less than', 'exclusiveMaximum'],
  ['fewer than', 'exclusiveMaximum'],
  ['smaller than', 'exclusiveMaximum'],
  ['lower than', 'exclusiveMaximum'],
  ['shorter than', 'exclusiveMaximum'],
  ['below', 'exclusiveMaximum'],
  ['under', 'exclusiveMaximum'],
].map(([lead, bound]) => [lead as string, bound as Bound]);

/** Words naming what a bound counts: a length, entries of a list, or a unit of an amount. */
export const LENGTH_UNITS = new Set(['characters', 'character', 'chars', 'char', 'letters', 'letter']);
export const ENTRY_UNITS = new Set(['items', 'item', 'entries', 'entry', 'elements', 'element']);
/** Units of an amount: a field measured in one is a number (`an estimate in hours`). */
export const MEASURE_UNITS = new Set([
  'cents',
  'cent',
  'pence',
  'dollars',
  'euros',
  'pounds',
  'seconds',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
  'years',
  'percent',
  'kg',
  'kilograms',
  'grams',
  'g',
  'meters',
  'metres',
  'km',
  'kilometers',
  'kilometres',
  'miles',
  'bytes',
  'kb',
  'mb',
  'gb',
  'points',
  'ms',
  'milliseconds',
]);
/** Units counted in whole numbers: an amount in cents has no fractions. */
export const WHOLE_UNITS = new Set(['cents', 'cent', 'pence', 'bytes', 'ms', 'milliseconds', 'points']);

/**
 * The bound that starts at `at`: `at most 5`, `up to ten`, `no more than three`, `greater than 0`,
 * `between 1 and 100`, `from 1 to 5`, `exactly 3` (both bounds), numbers as digits or words (`numberWord`). The number must
 * follow its lead directly, so `more` in `one or more items` and `over` in `over time` bound nothing.
 */
export function limitAt(words: readonly string[], at: number): LimitPhrase | undefined {
  const word = words[at];
  if (word === 'between' || word === 'from') return rangeAt(words, at, word === 'between' ? 'and' : 'to');
  // `a currency code of exactly 3 letters`: both bounds at once.
  if (word === 'exactly') {
    const value = numberWord(words[at + 1]);
    return value === undefined ? undefined : withUnit(words, { minimum: value, maximum: value }, at + 2);
  }
  for (const [lead, bound] of LEADS) {
    const leadWords = lead.split(' ');
    if (!leadWords.every((leadWord, index) => words[at + index] === leadWord)) continue;
    const value = numberWord(words[at + leadWords.length]);
    if (value === undefined) continue;
    return withUnit(words, { [bound]: value }, at + leadWords.length + 1);
  }
  return undefined;
}

/** `between 1 and 100`, `from 1 to 5`: both inclusive, lower bound first whatever the order written. */
function rangeAt(words: readonly string[], at: number, joiner: string): LimitPhrase | undefined {
  const low = numberWord(words[at + 1]);
  // `between 1 and 100 characters`, `between 1 dollar and 5 dollars`: a unit may follow either number.
  const unitFirst = words[at + 2] !== joiner && words[at + 3] === joiner ? 1 : 0;
  const high = numberWord(words[at + 3 + unitFirst]);
  if (low === undefined || high === undefined || words[at + 2 + unitFirst] !== joiner) return undefined;
  return withUnit(words, { minimum: Math.min(low, high), maximum: Math.max(low, high) }, at + 4 + unitFirst);
}

function withUnit(words: readonly string[], limit: NumberLimit, end: number): LimitPhrase {
  const unit = words[end];
  const counted =
    unit !== undefined && (LENGTH_UNITS.has(unit) || ENTRY_UNITS.has(unit) || MEASURE_UNITS.has(unit));
  return counted ? { limit, unit, end } : { limit, end };
}
