import { LIST_STATES } from './list-states.js';
import { contentWords } from './story-words.js';

/**
 * `list open tickets`, `list all paid orders`, `list a customer's unpaid invoices`: a state word among
 * the words before the noun. A negated participle (`unassigned`) names what was not done, not a state.
 */
export function stateModifier(phrase: readonly string[]): string | undefined {
  const content = contentWords(phrase.filter((word) => word !== 's'));
  return content
    .slice(0, -1)
    .find((word) => LIST_STATES.has(word) || (/^[a-z]+(?:ed|en)$/.test(word) && !/^un/.test(word)));
}
