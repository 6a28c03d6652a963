import { CONNECTORS } from './story-connectors.js';
import { AUXILIARIES } from './story-words.js';

/** Splits at connectors, keeping `one or more` and `a and b` inside a `with` list together. */
export function qualifierSegments(words: readonly string[]): string[][] {
  const found: string[][] = [];
  for (const word of words) {
    const current = found.at(-1);
    const joins = current !== undefined && current[0] === 'with' && ['and', 'or', 'at'].includes(word);
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
