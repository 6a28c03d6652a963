import { participle } from '../../../naming/participle.js';
import type { ParsedStory } from './parsed-story.js';

/**
 * `reopen a resolved ticket`, `refund a shipped order`: the word before a move's noun is the state the
 * item must be in only when it is one of that resource's statuses (a status a story's move sets, the
 * status it is made in, or a word of the description, `Tickets are open, resolved or closed`);
 * otherwise it is part of the noun (`rotate a kitchen order`) and the move keeps no precondition.
 * `described`: the description's words.
 */
export function knownStateMoves(
  stories: readonly ParsedStory[],
  described: ReadonlySet<string>,
): ParsedStory[] {
  const statusesOf = (noun: string | undefined) =>
    new Set(
      stories
        .filter((story) => story.noun === noun && (story.kind === 'transition' || story.kind === 'create'))
        .map((story) => story.state ?? participle(story.verb)),
    );
  return stories.map((story) => {
    if (story.kind !== 'transition' || story.onlyIn === undefined) return story;
    if (described.has(story.onlyIn) || statusesOf(story.noun).has(story.onlyIn)) return story;
    const { onlyIn: _onlyIn, ...rest } = story;
    return rest;
  });
}
