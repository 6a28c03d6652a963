import { REDIRECTING } from '../../../naming/active-voice.js';
import type { StoryIntent } from '../../../naming/story-intent.js';

/**
 * `I am redirected to the target when I open a short link`: the role is sent elsewhere, which is an
 * HTTP answer (302 with a Location header), not a resource to store nor a notice to a person.
 */
export function asksForRedirect(intent: StoryIntent): boolean {
  return REDIRECTING.has(intent.verb);
}
