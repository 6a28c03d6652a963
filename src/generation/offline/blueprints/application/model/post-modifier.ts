import { isPlural } from '../../../naming/singular.js';

/** Words after a plural noun that say what state the items are near, not a thing (`due for service`). */
const AFTER_NOUN = new Set([
  'due',
  'overdue',
  'late',
  'expiring',
  'ending',
  'outstanding',
  'pending',
  'past',
]);

/**
 * `vehicles due for service`, `permits expiring next week`, `loans overdue`: an adjective or
 * participle right after the plural noun starts a phrase no filter answers and that is never the
 * list's noun (a resource `due`); the words before it and the phrase said, else undefined.
 */
export function postModifier(
  words: readonly string[],
): { readonly kept: readonly string[]; readonly said: string } | undefined {
  const at = words.findIndex(
    (word, index) => index > 0 && AFTER_NOUN.has(word) && isPlural(words[index - 1] ?? ''),
  );
  if (at === -1) return undefined;
  return { kept: words.slice(0, at), said: words.slice(at).join(' ') };
}
