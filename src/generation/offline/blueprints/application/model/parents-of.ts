import type { ParsedStory } from './parsed-story.js';

/**
 * Each child noun's parent (`comment on a ticket` → comment: ticket), one level deep: a parent that is
 * itself made under another keeps flat routes, so every create needs one existing item at most.
 */
export function parentsOf(stories: readonly ParsedStory[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const story of stories)
    if (
      story.noun !== undefined &&
      story.parent !== undefined &&
      story.parent !== story.noun &&
      !found.has(story.noun)
    )
      found.set(story.noun, story.parent);
  return new Map([...found].filter(([, parent]) => !found.has(parent)));
}
