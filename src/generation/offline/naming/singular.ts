const ENDS_IN_ES = /(?:ss|x|ch|sh|us|z)es$/;
const NOT_PLURAL = /(?:ss|us|is|ous)$/;

/** English-enough singular of a `[a-z0-9]` noun (`orders` → `order`, `categories` → `category`, `statuses` → `status`). */
export function singular(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (ENDS_IN_ES.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !NOT_PLURAL.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

export function isPlural(word: string): boolean {
  return singular(word) !== word;
}
