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

/**
 * `with a title and a priority`, `with a sku, a name, a quantity and a reorder threshold` (commas are
 * gone from the words, so an article after a named field starts the next one).
 */
export function readFields(words: readonly string[]): FieldAsk[] {
  const parts: string[][] = [[]];
  for (const word of words) {
    const current = parts.at(-1) ?? [];
    const named = current.some((candidate) => !QUANTIFIERS.has(candidate) && !/^\d+$/.test(candidate));
    if (word === 'and') parts.push([]);
    else if (ARTICLES.has(word) && named) parts.push([word]);
    else current.push(word);
  }
  return parts.flatMap((part) => {
    const content = part.filter((word) => !QUANTIFIERS.has(word) && !/^\d+$/.test(word));
    const head = content.at(-1);
    if (head === undefined) return [];
    const many = part.some((word) => MANY.has(word)) || isPlural(head);
    const least = part.indexOf('least');
    const minimum = least === -1 ? undefined : countWord(part[least + 1]);
    const name = camel([...content.slice(-2, -1), many ? head : singular(head)]);
    return [{ name, list: many, minItems: many ? Math.max(minimum ?? 1, 1) : 0 }];
  });
}

function countWord(word: string | undefined): number | undefined {
  const words: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3 };
  if (word === undefined) return undefined;
  return words[word] ?? (/^\d+$/.test(word) ? Math.min(Number(word), 100) : undefined);
}
