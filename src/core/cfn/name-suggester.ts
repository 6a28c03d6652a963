import { closestName } from './closest-name.js';

/**
 * Candidate names one template check may compare in all its "did you mean" lookups; past that,
 * findings are reported without a suggestion. A comparison costs at most a few hundred steps (see
 * `closestName`), so a template with tens of thousands of broken references stays cheap to check.
 */
export const MAX_SUGGESTION_COMPARISONS = 20_000;

/** Finds the name a misspelling meant, given the candidates only when it will look. */
export type NameSuggester = (name: string, candidates: () => Iterable<string>) => string | undefined;

/** A `closestName` that stops suggesting once it has been asked to compare `budget` candidates. */
export function nameSuggester(budget: number = MAX_SUGGESTION_COMPARISONS): NameSuggester {
  let left = budget;
  return (name, candidates) => {
    if (left <= 0) return undefined;
    const list = [...candidates()];
    // A lookup past the budget ends all suggesting, so no later lookup copies the candidates again.
    left -= list.length;
    return left < 0 ? undefined : closestName(name, list);
  };
}
