import { contentWords } from './story-words.js';

/**
 * Words that narrow a list by something other than a status or a field (`urgent`, `recent`, `top`):
 * no filter is made for them, so the story says they shaped nothing rather than count them covered.
 */
const LIST_QUALIFIERS = new Set([
  'urgent',
  'recent',
  'latest',
  'newest',
  'oldest',
  'old',
  'large',
  'small',
  'high',
  'low',
  'top',
  'late',
  'early',
  'important',
  'critical',
  'unread',
  'starred',
  'favourite',
  'favorite',
  'popular',
  'upcoming',
  'past',
  'expensive',
  'cheap',
]);

/**
 * Adjective endings (`anonymous`, `inactive`, `refundable`, `public`): a word before a list's noun
 * ending so describes the items rather than naming a compound noun (`support tickets`).
 */
const ADJECTIVE = /^[a-z]{3,}(?:ous|ive|able|ible|ful|less|ic)$/;

/**
 * `list urgent tickets`, `list recent orders`, `list anonymous donations`: the words before a list's
 * noun that narrow it by something no filter answers (`named` holds the words a named filter or a
 * state took), said rather than dropped.
 */
export function listQualifierWords(phrase: readonly string[], named: readonly string[]): string[] {
  return contentWords(phrase.filter((word) => word !== 's'))
    .slice(0, -1)
    .filter((word) => (LIST_QUALIFIERS.has(word) || ADJECTIVE.test(word)) && !named.includes(word));
}
