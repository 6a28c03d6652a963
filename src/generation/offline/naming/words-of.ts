/**
 * The ASCII letter-and-digit runs of free text, lowercased. Everything the blueprints put into code
 * is built from these words, so untrusted text can never reach a generated file as syntax.
 */
export function wordsOf(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return (folded.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((word) => word.slice(0, 30));
}
