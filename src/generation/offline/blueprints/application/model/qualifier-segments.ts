import { limitAt, MEASURE_UNITS } from './number-limit.js';
import { CONNECTORS } from './story-connectors.js';
import { AUXILIARIES } from './story-words.js';

/**
 * Splits at connectors, keeping `one or more`, `a and b`, a bound (`up to 5 tags`, `at most 280
 * characters`) and a unit (`an amount in cents`) inside a `with` list together.
 */
export function qualifierSegments(words: readonly string[]): string[][] {
  const found: string[][] = [];
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] ?? '';
    const current = found.at(-1);
    const listing = current !== undefined && current[0] === 'with';
    const bound = listing ? limitAt(words, at) : undefined;
    if (current !== undefined && bound !== undefined) {
      // The bound's words, and the unit or noun right after it, are the list's.
      const end = Math.min(words.length, bound.end + 1);
      current.push(...words.slice(at, end));
      at = end - 1;
      continue;
    }
    const joins =
      listing &&
      (['and', 'or', 'at'].includes(word) || (word === 'in' && MEASURE_UNITS.has(words[at + 1] ?? '')));
    // `that is not in progress`: `in` is part of the state a refusal names.
    const state =
      current !== undefined &&
      ['that', 'which', 'unless', 'if'].includes(current[0] ?? '') &&
      (word === 'in' || word === 'on') &&
      (current.at(-1) === 'not' || AUXILIARIES.has(current.at(-1) ?? ''));
    if (CONNECTORS.has(word) && !joins && !state && !(word === 'that' && current?.[0] === 'so'))
      found.push([word]);
    else if (current === undefined) found.push([word]);
    else current.push(word);
  }
  return found;
}
