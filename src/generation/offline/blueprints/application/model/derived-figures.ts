import type { ParsedStory } from './parsed-story.js';
import { contentWords } from './story-words.js';

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
/** Words before a noun that make it such a figure (`remaining leave`, `the overall spend`). */
const FIGURE_WORDS = new Set(['remaining', 'left', 'cumulative', 'overall', 'average', 'total']);

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
    if ((story.kind !== 'read' && story.kind !== 'list') || noun === undefined || created.has(noun))
      return story;
    const words = contentWords(story.intent.actionWords.slice(1));
    if (!FIGURE_NOUNS.has(noun) && !words.some((word) => FIGURE_WORDS.has(word))) return story;
    const { noun: _noun, ...rest } = story;
    return { ...rest, derived: words.join(' ') };
  });
}
