import { participle } from '../../../naming/participle.js';
import { singular } from '../../../naming/singular.js';
import type { ParsedStory } from './parsed-story.js';
import { wordsOfText } from './words-of-text.js';

/**
 * `see how many calls I have left this minute`, where another story records calls: a count of the
 * items a create route of the model stores, read from that same collection (`GET /calls/count`).
 * The counted noun is the word after `how many` (or `number of`); a count of anything the model does
 * not store (`how many times my link was clicked`) stays a figure no route computes. `resources`: the
 * model's resource names by the head noun the stories use (`call` → `call`, `leave` → `leaveRequest`).
 */
export function countedStories(
  stories: readonly ParsedStory[],
  resources: ReadonlyMap<string, string>,
  lifecycleOf: (resource: string) => readonly string[] = () => [],
): ParsedStory[] {
  return stories.map((story) => {
    if (story.countsEvents !== true || story.noun !== undefined || story.derived === undefined) return story;
    const noun = countedNoun(wordsOfText(story.derived));
    const resource = noun === undefined ? undefined : resources.get(noun);
    if (resource === undefined) return story;
    const { countsEvents: _counts, stateFilter: stated, ...rest } = story;
    // `how many claims are approved`: only the items in that status.
    const stateFilter =
      stated ?? countedState(wordsOfText(story.derived), resource, stories, lifecycleOf(resource));
    // `the number of orders placed`, where orders are placed: every stored order, no filter.
    const made = stories.some(
      (other) => other.kind === 'create' && other.noun === resource && participle(other.verb) === stateFilter,
    );
    return {
      ...rest,
      kind: 'count',
      noun: resource,
      ...(stateFilter === undefined || made ? {} : { stateFilter }),
    };
  });
}

/** `how many calls …` → `call`; `number of orders …` → `order`; `how many times …` counts no noun. */
function countedNoun(words: readonly string[]): string | undefined {
  const at = words.findIndex(
    (word, index) =>
      (word === 'how' && words[index + 1] === 'many') || (word === 'number' && words[index + 1] === 'of'),
  );
  const noun = at === -1 ? undefined : words[at + 2];
  return noun === undefined || noun === 'times' ? undefined : singular(noun);
}

/**
 * `how many claims are approved` → `approved`: the word after `are`/`is`/`were` following the counted
 * noun, when it is a status of the resource.
 */
function countedState(
  words: readonly string[],
  resource: string,
  stories: readonly ParsedStory[],
  lifecycle: readonly string[],
): string | undefined {
  const at = words.findIndex(
    (word, index) =>
      (word === 'how' && words[index + 1] === 'many') || (word === 'number' && words[index + 1] === 'of'),
  );
  if (at === -1) return undefined;
  const reached = new Set([
    ...lifecycle,
    ...stories.flatMap((story) =>
      story.noun === resource && story.kind === 'transition' ? [story.state ?? participle(story.verb)] : [],
    ),
  ]);
  // `how many claims are approved`, `the number of orders that are shipped`.
  const verb = ['that', 'which'].includes(words[at + 3] ?? '') ? at + 4 : at + 3;
  const after = ['are', 'is', 'were'].includes(words[verb] ?? '') ? words[verb + 1] : undefined;
  return after !== undefined && reached.has(after) ? after : undefined;
}
