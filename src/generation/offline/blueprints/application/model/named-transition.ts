import { participle } from '../../../naming/participle.js';
import type { ParsedStory } from './parsed-story.js';

/**
 * `pay for an order` is a status route (POST /orders/{id}/pay → `paid`) when the request lists that
 * status (`placed, paid, shipped`) somewhere; otherwise the `for` phrase names no object the story
 * acts on, and the story names nothing the API could act on.
 */
export function namedTransition(story: ParsedStory, listed: ReadonlySet<string>): ParsedStory {
  if (story.objectAfterFor !== true || listed.has(participle(story.verb))) return story;
  const { noun: _noun, ...rest } = story;
  return rest;
}
