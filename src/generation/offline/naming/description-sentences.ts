import { commentSafe } from './comment-safe.js';
import { wordsOf } from './words-of.js';

/** A part of a sentence that may ask for one thing: split at commas, colons, semicolons and "and". */
export interface DescriptionClause {
  /** As written, safe for prose only. */
  readonly text: string;
  readonly words: readonly string[];
  /** PascalCase identifiers as written (`PaymentSettled`), `[A-Za-z0-9]`: event and type names. */
  readonly names: readonly string[];
}

export interface DescriptionSentence {
  /** 1-based position in the description. */
  readonly number: number;
  /** The sentence, safe for prose only. */
  readonly text: string;
  readonly clauses: readonly DescriptionClause[];
}

const MAX_SENTENCES = 20;
const SENTENCE_END = /(?<=[.!?])\s+|[\r\n]+/;
const CLAUSE_BREAK = /\s*[,;:]\s*(?:(?:and|as well as|plus)\s+)?|\s+(?:and|as well as|plus)\s+|\s+[—–]\s+/i;
const PASCAL_NAME = /\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\b/g;

/** The description's sentences and their clauses, the unit blueprints check requirements against. */
export function descriptionSentences(description: string): DescriptionSentence[] {
  return description
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0)
    .slice(0, MAX_SENTENCES)
    .map((sentence, index) => ({
      number: index + 1,
      text: commentSafe(sentence, 300),
      clauses: sentence
        .split(CLAUSE_BREAK)
        .filter((clause) => wordsOf(clause).length > 0)
        .map((clause) => ({
          text: commentSafe(clause, 200),
          words: wordsOf(clause),
          names: [...new Set(clause.match(PASCAL_NAME) ?? [])].map((name) => name.slice(0, 64)),
        })),
    }));
}
