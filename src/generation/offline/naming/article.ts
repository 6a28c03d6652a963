/** `an order`, `a product`: the indefinite article English-enough for derived nouns. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
