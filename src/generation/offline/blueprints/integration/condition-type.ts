import { conditionWords } from './condition-words.js';

/** Words of a condition that name no part of what happened: articles, owners, links. */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'their',
  'its',
  'his',
  'her',
  'any',
  'every',
  'each',
  'some',
  'new',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'gets',
  'get',
  'has',
  'have',
  'just',
]);
/** Words that end what happened and start where or how (`… on the main branch`, `… for a customer`). */
const ENDS = new Set([
  'on',
  'in',
  'for',
  'against',
  'with',
  'to',
  'from',
  'by',
  'at',
  'and',
  'or',
  'so',
  'then',
]);
const MAX_WORDS = 4;

/**
 * The message type a story's condition names: `I receive an event when an order is paid` →
 * `OrderPaid`, `when a customer is created` → `CustomerCreated` (PascalCase, `[A-Za-z0-9]`), so three
 * stories about three happenings are three types, whatever the sender. Undefined when the story
 * has no condition (`when …`, `whenever …`, `once …`, `if …`), names nothing, or its lead is a
 * word that ends one (`once and in order`: `once` is an adverb there).
 */
export function conditionType(actionWords: readonly string[]): string | undefined {
  const condition = conditionWords(actionWords);
  // `each transaction once and in order`, `if and only if`: an adverb or a joiner, no happening.
  if (condition === undefined || ENDS.has(condition[0] ?? '')) return undefined;
  const end = condition.findIndex((word, index) => index > 0 && ENDS.has(word));
  const named = (end === -1 ? condition : condition.slice(0, end))
    .filter((word) => !FILLER.has(word) && /^[a-z0-9]+$/.test(word))
    .slice(0, MAX_WORDS);
  if (named.length === 0) return undefined;
  return named.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}
