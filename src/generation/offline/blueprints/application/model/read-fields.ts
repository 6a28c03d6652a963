import { isPlural, singular } from '../../../naming/singular.js';
import { camel } from './camel.js';
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

/** `a list of items` → `items`, a list: the words naming the container are not the field's name. */
const CONTAINERS = new Set(['list', 'lists', 'set', 'sets', 'collection', 'array', 'series']);
/** `a number of days` → `days`, a number: a count of things, not the things. */
const COUNTS = new Set(['number', 'count', 'amount', 'total']);
/** `a quantity on hand`, `a price in cents`: the phrase qualifies the field before it, named by that field. */
const QUALIFYING = new Set(['on', 'in', 'at', 'per', 'for', 'by', 'to', 'from', 'via']);

/**
 * `with a title and a priority`, `with a sku, a name, a quantity and a reorder threshold` (commas are
 * gone from the words, so an article after a named field starts the next one). A short phrase after a
 * field qualifies it (`a quantity on hand` is `quantity`). `X of Y` is read by
 * its X: `a list of items` is the list `items`, `a number of days` the number `days`, and any other
 * (`a date of birth`) keeps both nouns (`dateOfBirth`), never `of` and the last noun alone.
 */
export function readFields(words: readonly string[]): FieldAsk[] {
  const parts: string[][] = [[]];
  const ranges = new Map<number, { minimum: number; maximum: number }>();
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] ?? '';
    const current = parts.at(-1) ?? [];
    const named = current.some((candidate) => !QUANTIFIERS.has(candidate) && !/^\d+$/.test(candidate));
    const range = word === 'between' ? rangeAt(words, at + 1) : undefined;
    if (range !== undefined) {
      ranges.set(parts.length - 1, range);
      at += 3;
    } else if (word === 'and') parts.push([]);
    else if ((ARTICLES.has(word) || word === 'whether') && named) parts.push([word]);
    else current.push(word);
  }
  return parts.flatMap((part, index) => {
    const whether = part.indexOf('whether');
    if (whether !== -1) return yesOrNo(part.slice(whether + 1));
    const words = part.filter((word) => !QUANTIFIERS.has(word) && !/^\d+$/.test(word));
    const qualified = words.findIndex((word) => QUALIFYING.has(word));
    const content = qualified > 0 ? words.slice(0, qualified) : words;
    const head = content.at(-1);
    if (head === undefined) return [];
    const range = ranges.get(index);
    if (range !== undefined)
      return [{ name: camel(content.slice(-2)), list: false, minItems: 0, type: 'number', ...range }];
    const of = content.lastIndexOf('of');
    if (of > 0 && of < content.length - 1)
      return [ofField(content.slice(0, of), content.slice(of + 1), part)];
    const many = part.some((word) => MANY.has(word)) || isPlural(head);
    const least = part.indexOf('least');
    const minimum = least === -1 ? undefined : countWord(part[least + 1]);
    const name = camel([...content.slice(-2, -1), many ? head : singular(head)]);
    return [{ name, list: many, minItems: many ? Math.max(minimum ?? 1, 1) : 0 }];
  });
}

/** `between 0 and 100` (from the number on): the inclusive range, lower bound first. */
function rangeAt(words: readonly string[], at: number): { minimum: number; maximum: number } | undefined {
  const [low, and, high] = [words[at], words[at + 1], words[at + 2]];
  if (and !== 'and' || !/^\d{1,9}$/.test(low ?? '') || !/^\d{1,9}$/.test(high ?? '')) return undefined;
  const [minimum, maximum] = [Number(low), Number(high)].sort((left, right) => left - right);
  return { minimum: minimum ?? 0, maximum: maximum ?? 0 };
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
  const words: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3 };
  if (word === undefined) return undefined;
  return words[word] ?? (/^\d+$/.test(word) ? Math.min(Number(word), 100) : undefined);
}
