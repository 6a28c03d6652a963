import { AUXILIARIES } from './story-words.js';
import { LIST_STATES } from './list-states.js';

/** `are open`, `is in progress` (no negation) → the state named (`open`, `in_progress`). */
export function stateOf(body: readonly string[]): string | undefined {
  const words = body.filter((word) => !AUXILIARIES.has(word));
  const [first, second] = words;
  if ((first === 'in' || first === 'on') && second !== undefined && words.length === 2)
    return `${first}_${second}`;
  return words.length === 1 &&
    first !== undefined &&
    (/^[a-z]+(?:ed|en)$/.test(first) || LIST_STATES.has(first))
    ? first
    : undefined;
}
