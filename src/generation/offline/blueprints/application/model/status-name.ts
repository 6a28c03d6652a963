import { participle } from '../../../naming/participle.js';

/** `shipped`, `paid` stay; `ships` → `shipped`. */
export function statusName(word: string): string {
  return /(?:ed|en|id|nt)$/.test(word) || word === 'open' || word.includes('_')
    ? word
    : participle(word.replace(/s$/, ''));
}
