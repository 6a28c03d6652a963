import { baseVerb } from '../../../naming/base-verb.js';
import { callerField } from './caller-field.js';
import type { ParsedStory } from './parsed-story.js';

/**
 * `list my assigned tickets`, where a story assigns a ticket to the caller (`assign a ticket to
 * myself`): the caller's tickets are the ones assigned to them, so the list filters on `assignee`
 * as `list tickets assigned to me` does, rather than making the ticket owned by an `agentId` that
 * every create would have to give. Other lists of `my` items keep their owner (`my closed tickets`
 * are the caller's tickets that are closed).
 */
export function callerLists(stories: readonly ParsedStory[]): ParsedStory[] {
  const toCaller = new Set(
    stories.flatMap((story) =>
      story.kind === 'transition' && story.toCaller === true && story.noun !== undefined
        ? [`${story.noun} ${story.verb}`]
        : [],
    ),
  );
  return stories.map((story) => {
    const verb = story.stateFilter === undefined ? undefined : baseVerb(story.stateFilter);
    if (story.kind !== 'list' || !story.ownerIsSelf || verb === undefined) return story;
    if (!toCaller.has(`${story.noun ?? ''} ${verb}`)) return story;
    const { owner: _owner, stateFilter: _stateFilter, ...rest } = story;
    return { ...rest, ownerIsSelf: false, callerFilter: callerField(verb) };
  });
}
