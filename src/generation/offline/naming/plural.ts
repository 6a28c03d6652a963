import { DOUBLED_Z, singular } from './singular.js';

/**
 * English-enough plural for a collection or route name built from `[a-z0-9]` words
 * (`order` → `orders`, `class` → `classes`, `status` → `statuses`, `category` → `categories`,
 * `quiz` → `quizzes`).
 * A word `singular` already reads as a plural (`orders`, `classes`) is kept as it is, so the pair
 * follows how the request used the word; `-is` words (`analysis`) are kept too, as before.
 */
export function plural(word: string): string {
  if (singular(word) !== word || word.endsWith('is')) return word;
  // `quiz` → `quizzes`: a single z after one short vowel is doubled (singular.ts reads it back).
  if (DOUBLED_Z.has(word)) return `${word}zes`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
