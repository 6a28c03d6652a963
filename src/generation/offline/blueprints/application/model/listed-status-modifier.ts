import type { ParsedStory } from './parsed-story.js';
import { wordsBeforeNoun } from './words-before-noun.js';

/** The most words a listed status spans (`in repair`, `waiting for parts`). */
const MOST_WORDS = 3;

/**
 * `list available animals`, `list laptops in repair`, where the description lists the status
 * (`Animals are available, reserved or adopted.`, `… in repair or retired.`): the words the story
 * left unread name one of the listed statuses, so the list keeps the items in it (`?status=available`),
 * as `list open tickets` does. Only a list with no filter yet whose unread words hold, in order, every
 * word of exactly one listed status (the longest first, so `in repair` before a bare `repair`), or
 * whose words before the noun hold one (`dormant accounts`); the story unchanged otherwise.
 */
export function listedStatusModifier(story: ParsedStory, lifecycle: readonly string[]): ParsedStory {
  if (story.kind !== 'list' || story.stateFilter !== undefined || story.filterBy !== undefined) return story;
  const words = story.unused;
  for (let length = MOST_WORDS; length >= 1; length -= 1) {
    for (let at = 0; at + length <= words.length; at += 1) {
      const status = words.slice(at, at + length).join('_');
      if (!lifecycle.includes(status)) continue;
      return { ...story, stateFilter: status, unused: [...words.slice(0, at), ...words.slice(at + length)] };
    }
  }
  // `list dormant accounts`: a listed status read as part of the noun (`dormant accounts`).
  const status = wordsBeforeNoun(story).find((word) => lifecycle.includes(word));
  return status === undefined ? story : { ...story, stateFilter: status };
}
