import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { plural } from '../../../naming/plural.js';
import { singular } from '../../../naming/singular.js';
import { wordsOfText } from './words-of-text.js';

/** Verbs relating an item to whose it is (`Each claim belongs to an employee`). */
const BELONGS = new Set(['belongs', 'belong']);
/** Words between the subject and its verb (`can`, `always`). */
const BETWEEN = new Set(['can', 'may', 'must', 'should', 'will', 'also', 'always', 'only']);
const LEADS = new Set(['a', 'an', 'the', 'one', 'exactly', 'its', 'their', 'some']);
/** Words that end the owner's name: a clause, a list or a preposition follows. */
const ENDS = new Set([
  'and',
  'or',
  'but',
  'who',
  'which',
  'that',
  'with',
  'for',
  'in',
  'on',
  'at',
  'by',
  'from',
  'of',
  'to',
  'when',
  'so',
]);
/** The most words an owner's name has (`a cost centre`). */
const OWNER_WORDS = 2;

/**
 * `Each claim belongs to an employee`, `Gift cards belong to customers` → `employee`, `customer`:
 * whose a resource's items are, as the description says it of `noun` (the head noun the request
 * names the resource by), singular, words joined by a space (`cost centre`); undefined when no
 * sentence says so. The first sentence that says it wins.
 */
export function describedOwner(sentences: readonly DescriptionSentence[], noun: string): string | undefined {
  for (const sentence of sentences) {
    const words = wordsOfText(sentence.text);
    for (let at = 0; at < words.length; at += 1) {
      if (words[at] !== noun && words[at] !== plural(noun)) continue;
      let verb = at + 1;
      while (BETWEEN.has(words[verb] ?? '')) verb += 1;
      if (!BELONGS.has(words[verb] ?? '') || words[verb + 1] !== 'to') continue;
      let start = verb + 2;
      while (LEADS.has(words[start] ?? '')) start += 1;
      const name: string[] = [];
      for (let index = start; index < words.length && name.length < OWNER_WORDS; index += 1) {
        const word = words[index] ?? '';
        if (ENDS.has(word) || /^\d/.test(word)) break;
        name.push(word);
      }
      const head = name.at(-1);
      if (head !== undefined) return [...name.slice(0, -1), singular(head)].join(' ');
    }
  }
  return undefined;
}
