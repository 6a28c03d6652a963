import { plural } from '../../../naming/plural.js';

/** The words name the resource, singular or plural (`order`, `orders`). */
export function mentions(words: readonly string[], name: string): boolean {
  return words.some((word) => word === name || word === plural(name));
}
