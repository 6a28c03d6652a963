import type { ParsedStory } from './parsed-story.js';
import { contentWords } from './story-words.js';
import { wordsOfText } from './words-of-text.js';

/** Nouns that name a figure worked out from records (`my leave balance`, `the total`), not a record of its own. */
const FIGURE_NOUNS = new Set([
  'balance',
  'total',
  'count',
  'sum',
  'average',
  'tally',
  'summary',
  'statistic',
  'stat',
]);
/** Verbs that work a result out of an item and write nothing (`evaluate a flag for a user`); see `verbKind`. */
const COMPUTING = new Set(['evaluate', 'calculate', 'compute', 'preview']);
/** Words naming what is left of an amount (`the remaining balance`, `the outstanding amount`). */
export const REMAINDER_WORDS = new Set(['remaining', 'left', 'outstanding', 'unpaid']);
/**
 * Words of an item's attribute that make it a figure worked out over other records (`the average
 * rating of a talk`), never a field of the item: `total` is left out, as an order stores its total.
 */
const AGGREGATE_WORDS = new Set(['average', 'mean', 'median', 'cumulative', 'overall']);
/** Words before a noun that make it such a figure (`remaining leave`, `the overall spend`). */
const FIGURE_WORDS = new Set(['remaining', 'left', 'cumulative', 'overall', 'average', 'total']);

/**
 * `see how many times my link was clicked`, `the number of orders placed`: a count (`how many`, `how
 * often`, `number of …`); a count of what a story makes is read from those items (countedStories).
 */
function asksForCount(words: readonly string[]): boolean {
  return words.some(
    (word, at) =>
      (word === 'how' && (words[at + 1] === 'many' || words[at + 1] === 'often')) ||
      (word === 'number' && words[at + 1] === 'of' && words[at + 2] !== undefined),
  );
}

/**
 * `see my remaining leave balance`: a read of a figure computed from other records, where no story
 * makes that noun, is not a stored resource someone would have to POST. The story keeps no noun (so
 * no route is made for it) and says what figure it asked for, for the coverage to list as not covered.
 */
export function derivedFigures(stories: readonly ParsedStory[]): ParsedStory[] {
  const created = new Set(
    stories.flatMap((story) => (story.kind === 'create' && story.noun !== undefined ? [story.noun] : [])),
  );
  return stories.map((story) => {
    const { noun } = story;
    // What the computation is, and for whom, the words do not say: no route is derived, and none writes.
    if (story.kind === 'read' && COMPUTING.has(story.verb) && noun !== undefined) {
      const { noun: _noun, ...rest } = story;
      return {
        ...rest,
        derived: wordsOfText(story.intent.actionWords.join(' ')).join(' '),
        computes: story.verb,
      };
    }
    if ((story.kind !== 'read' && story.kind !== 'list') || noun === undefined) return story;
    // `see the remaining balance of an invoice`: what is left of the invoice's total is worked out,
    // not a field of the invoice a client writes and reads back.
    const remainder = story.attribute
      ?.split(/(?=[A-Z])/)
      .some((word) => REMAINDER_WORDS.has(word.toLowerCase()));
    if (remainder === true) {
      const { noun: _noun, attribute: _attribute, ...rest } = story;
      return { ...rest, derived: wordsOfText(story.intent.actionWords.slice(1).join(' ')).join(' ') };
    }
    // `see the average rating of a talk`: worked out over many ratings, not a field of the talk.
    const aggregate = story.attribute?.split(/(?=[A-Z])/).map((word) => word.toLowerCase()) ?? [];
    if (aggregate.some((word) => AGGREGATE_WORDS.has(word))) {
      const { noun: _noun, attribute: _attribute, ...rest } = story;
      return { ...rest, derived: aggregate.join(' ') };
    }
    const counted = asksForCount(wordsOfText(story.intent.text));
    // `see the number of orders placed`, where orders are made: a count of them (countedStories).
    if (created.has(noun) && !counted) return story;
    const words = contentWords(story.intent.actionWords.slice(1));
    if (!counted && !FIGURE_NOUNS.has(noun) && !words.some((word) => FIGURE_WORDS.has(word))) return story;
    const { noun: _noun, ...rest } = story;
    return counted
      ? { ...rest, derived: countPhrase(story.intent.text), countsEvents: true }
      : { ...rest, derived: words.join(' ') };
  });
}

/** `see how many times my link was clicked` → `how many times my link was clicked`: the count asked for, as written. */
function countPhrase(text: string): string {
  const words = wordsOfText(text);
  const at = words.findIndex((word, index) => (word === 'how' || word === 'number') && index > 0);
  return words.slice(at === -1 ? 0 : at).join(' ');
}
