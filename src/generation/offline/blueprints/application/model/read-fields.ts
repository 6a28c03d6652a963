import { numberWord } from '../../../naming/number-word.js';
import { isPlural, singular } from '../../../naming/singular.js';
import { plural } from '../../../naming/plural.js';
import { camel } from './camel.js';
import {
  ENTRY_UNITS,
  LENGTH_UNITS,
  type LimitPhrase,
  limitAt,
  MEASURE_UNITS,
  type NumberLimit,
  WHOLE_UNITS,
} from './number-limit.js';
import type { FieldAsk } from './parsed-story.js';

const QUANTIFIERS = new Set([
  'one',
  'or',
  'more',
  'at',
  'least',
  'several',
  'many',
  'multiple',
  'some',
  'a',
  'an',
  'the',
  'optional',
  'optionally',
  'their',
  'its',
  'my',
  'our',
  'any',
  'two',
  'three',
]);
const ARTICLES = new Set(['a', 'an', 'the']);
const MANY = new Set(['more', 'several', 'many', 'multiple', 'some']);

const YES_NO_FILLERS = new Set([
  'it',
  'they',
  'this',
  'the',
  'is',
  'are',
  'has',
  'have',
  'been',
  'was',
  'or',
  'not',
]);

/** Articles that name one thing (`a species` is one species, not a list of them). */
const SINGULAR_ARTICLES = new Set(['a', 'an']);
/** `a list of items` → `items`, a list: the words naming the container are not the field's name. */
const CONTAINERS = new Set(['list', 'lists', 'set', 'sets', 'collection', 'array', 'series']);
/** `a number of days` → `days`, a number: a count of things, not the things. */
const COUNTS = new Set(['number', 'count', 'amount', 'total']);
/** `a quantity on hand`, `a price in cents`: the phrase qualifies the field before it, named by that field. */
const QUALIFYING = new Set(['on', 'in', 'at', 'per', 'for', 'by', 'to', 'from', 'via']);

/** Words a bound's lead may leave dangling before it (`a message of at most 280 characters`). */
const BOUND_JOINERS = new Set(['of', 'with', 'is', 'are', 'be']);

/** The bounds read around one field: before its noun (`at most 5 items`) or after it (`an amount greater than 0`). */
interface PartLimits {
  readonly leading?: LimitPhrase;
  readonly trailing?: LimitPhrase;
  /**
   * The bound after the field counts things no unit names (`a capacity of at most 12 volunteers`):
   * the field is a whole count of them, never below 0, and the counted noun is not its name.
   */
  readonly counts?: true;
}

/** `at most 12 volunteers`: the plural noun right after a bound's number is what it counts, not a new field. */
function countedNoun(words: readonly string[], limit: LimitPhrase): boolean {
  const next = words[limit.end];
  return (
    limit.unit === undefined &&
    next !== undefined &&
    !QUANTIFIERS.has(next) &&
    !BOUND_JOINERS.has(next) &&
    !QUALIFYING.has(next) &&
    next !== 'and' &&
    (isPlural(next) || IRREGULAR_PLURALS.has(next))
  );
}

/** Plurals `isPlural` does not know by their ending: `at most 40 people`. */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'persons']);

/**
 * `with a title and a priority`, `with a sku, a name, a quantity and a reorder threshold` (commas are
 * gone from the words, so an article after a named field starts the next one). A short phrase after a
 * field qualifies it (`a quantity on hand` is `quantity`; `an estimate in hours` is a number, `an
 * amount in cents` a whole one). `X of Y` is read by its X: `a list of items` is the list `items`, `a
 * number of days` the number `days`, and any other (`a date of birth`) keeps both nouns
 * (`dateOfBirth`), never `of` and the last noun alone. A bound (`limitAt`) after a field limits its
 * value or, counting characters, its length (`a message of at most 280 characters`); before a noun it
 * counts entries (`at most 5 items` is a list of 1 to 5). Either way the field list goes on after it.
 */
export function readFields(words: readonly string[]): FieldAsk[] {
  const parts: string[][] = [[]];
  const limits = new Map<number, PartLimits>();
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] ?? '';
    const current = parts.at(-1) ?? [];
    const named =
      current[0] === 'whether'
        ? statedYesOrNo(current.slice(1))
        : current.some((candidate) => !QUANTIFIERS.has(candidate) && !/^\d+$/.test(candidate));
    const limit = limitAt(words, at);
    if (limit !== undefined) {
      const index = parts.length - 1;
      // `a list of at most 5 tags`: the bound counts the container's entries, named after it.
      const leading = !named || (current.at(-1) === 'of' && CONTAINERS.has(current.at(-2) ?? ''));
      if (leading) {
        limits.set(index, { ...limits.get(index), leading: limit });
        at = limit.end - 1;
      } else {
        while (BOUND_JOINERS.has(current.at(-1) ?? '')) current.pop();
        const counts = countedNoun(words, limit);
        limits.set(index, { ...limits.get(index), trailing: limit, ...(counts ? { counts } : {}) });
        at = (limit.unit === undefined && !counts ? limit.end : limit.end + 1) - 1;
      }
    } else if (word === 'and') parts.push([]);
    else if ((ARTICLES.has(word) || word === 'whether') && named) parts.push([word]);
    else current.push(word);
  }
  return parts.flatMap((part, index) => {
    const whether = part.indexOf('whether');
    if (whether !== -1) return yesOrNo(part.slice(whether + 1));
    const signed = signOf(part);
    const words = signed.words.filter((word) => !QUANTIFIERS.has(word) && !/^\d+$/.test(word));
    const qualified = words.findIndex((word) => QUALIFYING.has(word));
    const content = qualified > 0 ? words.slice(0, qualified) : words;
    if (content.length === 0) return [];
    const { leading, trailing, counts } = limits.get(index) ?? {};
    const measured = qualified > 0 ? words[qualified + 1] : undefined;
    const unit = MEASURE_UNITS.has(measured ?? '') ? measured : trailing?.unit;
    const field = fieldOf(content, part, leading);
    if (counts === true) return [countOf(field, { ...signed.limit, ...trailing?.limit })];
    return [withBounds(field, { ...signed.limit, ...trailing?.limit }, unit)];
  });
}

/** The field a part names before any bound after it: a list, an `X of Y`, or a single value. */
function fieldOf(
  content: readonly string[],
  part: readonly string[],
  leading: LimitPhrase | undefined,
): FieldAsk {
  const head = content.at(-1) ?? '';
  // `a done flag`, `an archived flag`: a yes/no field named by the word before `flag`.
  const flagged = content.at(-2);
  if ((head === 'flag' || head === 'boolean') && flagged !== undefined && flagged !== 'of')
    return { name: camel(content.slice(-3, -1)), list: false, minItems: 0, type: 'boolean' };
  const of = content.lastIndexOf('of');
  if (of > 0 && of < content.length - 1) {
    const field = ofField(content.slice(0, of), content.slice(of + 1), part);
    return field.list && leading !== undefined ? withEntries(field, leading.limit) : field;
  }
  // `at most 5 items`, `with at least one photo`: a count of entries makes a list.
  if (leading !== undefined) {
    const name = camel([...content.slice(-2, -1), isPlural(head) ? head : plural(head)]);
    return withEntries({ name, list: true, minItems: 1 }, leading.limit);
  }
  // `a species (dog, cat or rabbit)`, `a series`: the singular article names one value, whatever the noun's ending.
  const one = SINGULAR_ARTICLES.has(part[0] ?? '');
  const many = part.some((word) => MANY.has(word)) || (isPlural(head) && !one);
  const least = part.indexOf('least');
  const minimum = least === -1 ? undefined : countWord(part[least + 1]);
  const name = camel([...content.slice(-2, -1), many || (one && isPlural(head)) ? head : singular(head)]);
  return { name, list: many, minItems: many ? Math.max(minimum ?? 1, 1) : 0 };
}

/** The fewest and the most a bound allows in whole numbers (`more than 2` → 3, `under 10` → 9). */
function wholeRange(limit: NumberLimit): { least?: number; most?: number } {
  const least =
    limit.minimum ?? (limit.exclusiveMinimum === undefined ? undefined : limit.exclusiveMinimum + 1);
  const most =
    limit.maximum ?? (limit.exclusiveMaximum === undefined ? undefined : limit.exclusiveMaximum - 1);
  return { ...(least === undefined ? {} : { least }), ...(most === undefined ? {} : { most }) };
}

/** A list's fewest and most entries from a bound on its count (`up to 10` → 1..10, `at least 2` → 2..). */
function withEntries(field: FieldAsk, limit: NumberLimit): FieldAsk {
  const { least, most } = wholeRange(limit);
  return {
    ...field,
    minItems: Math.max(least ?? field.minItems, 1),
    ...(most === undefined ? {} : { maxItems: most }),
  };
}

/**
 * A field with the bounds read after it: characters bound its length, entries a list's count, and
 * any other bound its value, which makes it a number (a whole one when the unit is, like cents).
 */
function withBounds(field: FieldAsk, limit: NumberLimit, unit: string | undefined): FieldAsk {
  const bounded = Object.keys(limit).length > 0;
  if (bounded && unit !== undefined && LENGTH_UNITS.has(unit)) {
    const { least, most } = wholeRange(limit);
    return {
      ...field,
      ...(least === undefined ? {} : { minLength: least }),
      ...(most === undefined ? {} : { maxLength: most }),
    };
  }
  if (field.list)
    return bounded && unit !== undefined && ENTRY_UNITS.has(unit) ? withEntries(field, limit) : field;
  const measured = unit !== undefined && MEASURE_UNITS.has(unit);
  if (!bounded && !measured) return field;
  return {
    ...field,
    type: 'number',
    ...limit,
    ...(unit !== undefined && WHOLE_UNITS.has(unit) ? { integer: true as const } : {}),
  };
}

/**
 * `a capacity of at most 12 volunteers` → `capacity`, a whole number from 0 to 12; `a list of
 * guests of at most 12 people` → the list, 1 to 12 entries: a bound on a count of things.
 */
function countOf(field: FieldAsk, limit: NumberLimit): FieldAsk {
  if (field.list) return withEntries(field, limit);
  return { ...field, type: 'number', minimum: 0, ...limit, integer: true };
}

/** `a positive amount`, `a non-negative balance`: the sign named before a field, as a bound. */
function signOf(part: readonly string[]): { words: string[]; limit: NumberLimit } {
  const non = part.findIndex((word, at) => word === 'non' && part[at + 1] === 'negative');
  if (non !== -1)
    return { words: part.filter((_, at) => at !== non && at !== non + 1), limit: { minimum: 0 } };
  const positive = part.indexOf('positive');
  if (positive !== -1)
    return { words: part.filter((_, at) => at !== positive), limit: { exclusiveMinimum: 0 } };
  return { words: [...part], limit: {} };
}

/** The verbs that link a yes/no field's subject to its state (`catering is needed`). */
const LINKS = new Set(['is', 'are', 'was', 'were', 'has', 'have']);

/**
 * `whether it is enabled` → `enabled`, `whether catering is needed` → `cateringNeeded`, `whether the
 * donor is anonymous` → `donorAnonymous`, true or false: the state the words after `whether` name,
 * prefixed by their subject unless that is the item itself (`it`, `they`).
 */
function yesOrNo(words: readonly string[]): FieldAsk[] {
  const link = words.findIndex((word) => LINKS.has(word));
  const subject = (link === -1 ? [] : words.slice(0, link))
    .filter((word) => !YES_NO_FILLERS.has(word) && !ARTICLES.has(word))
    .at(-1);
  const state = words
    .slice(link + 1)
    .filter((word) => !YES_NO_FILLERS.has(word))
    .at(-1);
  if (state === undefined) return [];
  const name = subject === undefined ? state : camel([subject, state]);
  return [{ name, list: false, minItems: 0, type: 'boolean' }];
}

/** `the donor is anonymous`: the words after `whether` have named their state, so an article starts the next field. */
function statedYesOrNo(words: readonly string[]): boolean {
  const link = words.findIndex((word) => LINKS.has(word));
  return link !== -1 && words.slice(link + 1).some((word) => !YES_NO_FILLERS.has(word));
}

/** `list of items`, `number of days`, `date of birth`: the field `X of Y` names. */
function ofField(before: readonly string[], after: readonly string[], part: readonly string[]): FieldAsk {
  const container = before.at(-1) ?? '';
  const head = after.at(-1) ?? '';
  if (CONTAINERS.has(container)) {
    const least = part.indexOf('least');
    const minimum = least === -1 ? undefined : countWord(part[least + 1]);
    return { name: camel(after.slice(-2)), list: true, minItems: Math.max(minimum ?? 1, 1) };
  }
  if (COUNTS.has(container))
    return { name: camel(after.slice(-2)), list: false, minItems: 0, type: 'number' };
  return { name: camel([container, 'of', isPlural(head) ? head : singular(head)]), list: false, minItems: 0 };
}

function countWord(word: string | undefined): number | undefined {
  const count = numberWord(word);
  return count === undefined ? undefined : Math.min(count, 100);
}
