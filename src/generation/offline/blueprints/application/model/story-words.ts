/** Word sets and helpers the story readers share: words read around a story's object. */

/** Words before a noun that are not part of it (`a`, `the`, `new`). */
export const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'one',
  'any',
  'some',
  'each',
  'every',
  'all',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'your',
  'new',
  'existing',
  'own',
]);
/** Words naming the caller's own (`my orders`). */
export const SELF = new Set(['my', 'our']);
/** Words of a relative clause that carry no state (`that has been`, `it is`). */
export const AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'been',
  'being',
  'be',
  'yet',
  'already',
  'it',
  'they',
  'been',
]);
/** The words of a phrase that can name something: not determiners, `my`/`our` or numbers. */
export function contentWords(words: readonly string[]): string[] {
  return words.filter((word) => !DETERMINERS.has(word) && !SELF.has(word) && !/^\d/.test(word));
}
