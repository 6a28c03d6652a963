import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { plural } from '../../../naming/plural.js';
import { wordsOfText } from './words-of-text.js';

const ARTICLES = new Set(['a', 'an', 'the', 'its', 'their', 'any']);
const STARTS = new Set(['start', 'starts', 'begin', 'begins']);
const START_LINKS = new Set(['as', 'in', 'out', 'off', 'with', 'at']);

/** The sentence names the resource (`entry`, `entries`), or the last word of a compound (`requests` for `accessRequest`). */
function names(words: readonly string[], resource: string): boolean {
  const head = (resource.split(/(?=[A-Z])/).at(-1) ?? resource).toLowerCase();
  return [resource.toLowerCase(), head].some((name) => words.includes(name) || words.includes(plural(name)));
}

/**
 * Fields a description sentence says an item must have (`Return 400 when an entry is missing its
 * actor`, `an entry without an actor is refused`, `the actor is required`): the last word of each,
 * matched against the resource's fields by the caller. Bounded by the sentences given.
 */
export function requiredInDescription(sentences: readonly DescriptionSentence[], resource: string): string[] {
  return sentences.flatMap((sentence) => {
    const words = wordsOfText(sentence.text);
    if (!names(words, resource)) return [];
    return words.flatMap((word, at) => {
      if (word === 'missing' || word === 'without' || word === 'requires' || word === 'lacks') {
        let next = at + 1;
        while (ARTICLES.has(words[next] ?? '')) next += 1;
        const field = words[next];
        return field === undefined ? [] : [field];
      }
      // `the actor is required`, `an actor is mandatory`
      if (
        (word === 'required' || word === 'mandatory') &&
        (words[at - 1] === 'is' || words[at - 1] === 'are')
      ) {
        const field = words[at - 2];
        return field === undefined ? [] : [field];
      }
      return [];
    });
  });
}

/**
 * The status a description says items start in (`Requests start pending`, `Orders begin as draft`):
 * it wins over the create verb's participle. The resource is named just before the verb (within
 * three words: `New access requests start pending`). Undefined when no sentence says so.
 */
export function statedInitialStatus(
  sentences: readonly DescriptionSentence[],
  resource: string,
): string | undefined {
  for (const sentence of sentences) {
    const words = wordsOfText(sentence.text);
    if (!names(words, resource)) continue;
    // The items are what starts (`Requests start pending`), not the subject of a verb `start` (`users start a session`).
    const at = words.findIndex(
      (word, index) => STARTS.has(word) && names(words.slice(Math.max(0, index - 3), index), resource),
    );
    if (at === -1) continue;
    let next = at + 1;
    while (START_LINKS.has(words[next] ?? '') || ARTICLES.has(words[next] ?? '')) next += 1;
    const status = words[next];
    if (status !== undefined && /^[a-z]{2,30}$/.test(status) && !names([status], resource)) return status;
  }
  return undefined;
}
