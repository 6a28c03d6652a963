import { participle } from '../../../naming/participle.js';
import { listedStatusOf } from './listed-status-of.js';
import type { ParsedStory } from './parsed-story.js';

/**
 * `As a reader I can unsubscribe`, where `Subscriptions are pending, confirmed or unsubscribed.`: a
 * story whose verb has no object acts on the caller's item of the one resource whose listed
 * statuses hold the verb's status, so it is that resource's move to `unsubscribed`. A verb no
 * lifecycle lists (or that two resources list) names nothing to act on and stays as it is (its
 * coverage says so). `nouns`: the resources the other stories act on; `lifecycleOf`: the statuses
 * the description lists for one.
 */
export function objectlessMove(
  story: ParsedStory,
  nouns: readonly string[],
  lifecycleOf: (noun: string) => readonly string[],
): ParsedStory {
  if (story.noun !== undefined || story.collective || story.kind !== 'transition') return story;
  if (story.intent.receives === true || story.parent !== undefined) return story;
  const status = participle(story.verb);
  const holders = nouns.flatMap((noun) => {
    const listed = listedStatusOf(status, story.verb, lifecycleOf(noun));
    return listed === undefined ? [] : [{ noun, listed }];
  });
  const [only] = holders;
  if (only === undefined || holders.length > 1) return story;
  return { ...story, noun: only.noun, state: only.listed };
}
