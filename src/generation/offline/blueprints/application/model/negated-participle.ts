import { baseVerb } from '../../../naming/base-verb.js';
import { LIST_STATES } from './list-states.js';
import { contentWords } from './story-words.js';

/**
 * `list unassigned tickets`, `list unresolved incidents`: a word before a list's noun naming what
 * was not done to the items (`unassigned` → `assign`). It is no status a route sets, so it is not
 * read as one; undefined for the states a request uses as such (`unpaid`).
 */
export function negatedParticiple(
  phrase: readonly string[],
): { readonly word: string; readonly verb: string } | undefined {
  const content = contentWords(phrase.filter((word) => word !== 's')).slice(0, -1);
  for (const word of content) {
    if (!/^un[a-z]+(?:ed|en)$/.test(word) || LIST_STATES.has(word)) continue;
    const verb = baseVerb(word.slice(2));
    if (verb !== undefined) return { word, verb };
  }
  return undefined;
}
