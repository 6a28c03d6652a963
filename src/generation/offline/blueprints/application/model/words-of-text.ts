/** The lowercase letter-and-digit runs of a story or sentence (`Pay for an order!` → `pay`, `for`, `an`, `order`). */
export function wordsOfText(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
