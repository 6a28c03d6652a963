/** English-enough plural for a collection or route name built from `[a-z0-9]` words. */
export function plural(word: string): string {
  if (/(s|x|ch|sh)$/.test(word)) return word.endsWith('s') ? word : `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
