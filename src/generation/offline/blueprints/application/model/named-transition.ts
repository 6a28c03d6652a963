import { participle } from '../../../naming/participle.js';
import type { ParsedStory } from './parsed-story.js';

/** Verbs whose `for` object is what the action makes (`apply for a permit` makes the permit's application). */
const ASKS_FOR = new Set(['apply', 'ask']);

/**
 * `pay for an order` is a status route (POST /orders/{id}/pay → `paid`) when the request lists that
 * status (`placed, paid, shipped`) somewhere; otherwise the `for` phrase names no object the story
 * acts on, and the story names nothing the API could act on. `apply for a permit` creates the permit
 * (the item applied for is made by the application, in its first status), unless `applied` is listed.
 */
export function namedTransition(story: ParsedStory, listed: ReadonlySet<string>): ParsedStory {
  if (story.objectAfterFor !== true || listed.has(participle(story.verb))) return story;
  if (ASKS_FOR.has(story.verb) && story.noun !== undefined) return { ...story, kind: 'create' };
  const { noun: _noun, ...rest } = story;
  return rest;
}
