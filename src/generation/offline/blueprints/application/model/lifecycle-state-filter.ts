import type { ParsedStory } from './parsed-story.js';

/** `that are`, `which is`: the words before a state a list keeps. */
const RELATIVE = new Set(['that', 'which']);
const COPULA = new Set(['are', 'is']);
/** The most words a listed status spans (`past due`, `on hold`, `waiting for parts`). */
const MOST_WORDS = 3;

/**
 * `list subscriptions that are past_due`, where the description lists `trialing, active, past_due or
 * canceled`: the list keeps the items in that status, however the request writes it (`past_due`,
 * `past-due`, `past due` are the words `past`, `due`, the status `past_due`). Only a list with no
 * state filter yet, whose unread words are `that|which are|is` followed by exactly a listed status;
 * the story unchanged otherwise.
 */
export function lifecycleStateFilter(story: ParsedStory, lifecycle: readonly string[]): ParsedStory {
  if (story.kind !== 'list' || story.stateFilter !== undefined || lifecycle.length === 0) return story;
  const words = story.unused;
  for (let at = 0; at + 2 < words.length; at += 1) {
    if (!RELATIVE.has(words[at] ?? '') || !COPULA.has(words[at + 1] ?? '')) continue;
    for (let length = MOST_WORDS; length >= 1; length -= 1) {
      const status = words.slice(at + 2, at + 2 + length).join('_');
      if (at + 2 + length > words.length || !lifecycle.includes(status)) continue;
      const unused = [...words.slice(0, at), ...words.slice(at + 2 + length)];
      return { ...story, stateFilter: status, unused };
    }
  }
  return story;
}
