import { isPlural } from '../../../naming/singular.js';
import { FILTER_FIELDS } from './named-filter.js';
import { CONNECTORS } from './story-connectors.js';

const JOINERS = new Set(['or', 'and']);
/** The most values read before the joiner (`open, pending, on hold or closed`). */
const MOST_VALUES = 6;
/** The most words of the noun after the values (`pick lists`). */
const NOUN_WORDS = 2;

/**
 * `revoked or expired permits`, `easy, medium or hard recipes` (commas are dropped from the words):
 * single words joined by `or`/`and` before a plural noun (or a two-word compound: `open or picking
 * pick lists`) are values the items are in, never the
 * list's noun (a resource `revoked`). The list keeps the first value before its noun (read as a
 * status or allowed-value filter, with the field named after it: `high priority or urgent
 * tickets` → `high priority tickets`); the other values are said (`or expired`, `or urgent`), not
 * filtered, so the story's coverage names them.
 * Undefined when the words do not start so.
 */
export function joinedModifiers(
  words: readonly string[],
): { readonly kept: readonly string[]; readonly others: readonly string[] } | undefined {
  const joiner = words.findIndex((word) => JOINERS.has(word));
  if (joiner < 1 || joiner > MOST_VALUES) return undefined;
  // `high priority or urgent tickets`: the field named after the first value belongs to it (`high priority`).
  const field = FILTER_FIELDS[words[joiner - 1] ?? ''] === undefined ? [] : words.slice(joiner - 1, joiner);
  const values = words.slice(0, joiner - field.length);
  const last = words[joiner + 1];
  // `open or picking pick lists`: the noun may be a compound whose last word is the plural.
  const noun = words.slice(joiner + 2, joiner + 2 + NOUN_WORDS).find((word) => isPlural(word));
  const nounWords = noun === undefined ? [] : words.slice(joiner + 2, words.indexOf(noun, joiner + 2) + 1);
  if (last === undefined || noun === undefined || nounWords.some((word) => CONNECTORS.has(word)))
    return undefined;
  if ([...values, last].some((word) => CONNECTORS.has(word) || isPlural(word))) return undefined;
  const [first, ...others] = [...values, last];
  if (first === undefined || first === last) return undefined;
  return { kept: [first, ...field, ...words.slice(joiner + 2)], others };
}
