import { spokenName } from './spoken-name.js';

/** `an order`, `a product`, `leaveRequest` → `a leave request`: the indefinite article English-enough for derived nouns. */
export function withArticle(noun: string): string {
  const spoken = spokenName(noun);
  return `${/^[aeiou]/.test(spoken) ? 'an' : 'a'} ${spoken}`;
}
