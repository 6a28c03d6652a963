const ENDS_IN_ES = /(?:ss|x|ch|sh|us|z)es$/;
const NOT_PLURAL = /(?:ss|us|is|ous)$/;

/**
 * Nouns whose final z doubles before `-es` (`quiz` → `quizzes`, `whiz` → `whizzes`), unlike those
 * ending in `zz` already (`buzz` → `buzzes`), which the word alone cannot tell apart (the rule of
 * doubling a final consonant after one stressed short vowel; English spelling, e.g. the Oxford
 * English Dictionary's plural of quiz).
 */
export const DOUBLED_Z: ReadonlySet<string> = new Set(['quiz', 'whiz', 'fez', 'biz']);

/** English-enough singular of a `[a-z0-9]` noun (`orders` → `order`, `categories` → `category`, `statuses` → `status`, `quizzes` → `quiz`). */
export function singular(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (word.endsWith('zzes') && DOUBLED_Z.has(word.slice(0, -3))) return word.slice(0, -3);
  if (ENDS_IN_ES.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !NOT_PLURAL.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

export function isPlural(word: string): boolean {
  return singular(word) !== word;
}
