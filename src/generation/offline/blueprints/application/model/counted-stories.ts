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
    const counted = countedNoun(wordsOfText(story.derived), resources);
    if (counted === undefined) return story;
    const { resource, before } = counted;
    const { countsEvents: _counts, stateFilter: stated, ...rest } = story;
    const reached = reachedStates(resource, stories, lifecycleOf(resource));
    // `how many active cards`: the word before the noun is a status of the card, or says it is not one.
    const adjective = before.find((word) => !nameWords(resource).includes(word) && !FUNCTION_WORDS.has(word));
    const stateFilter =
      stated ??
      (adjective !== undefined && reached.has(adjective) ? adjective : undefined) ??
      // `how many claims are approved`: only the items in that status.
      countedState(wordsOfText(story.derived), reached);
    const notAStatus = adjective !== undefined && !reached.has(adjective) ? { notAStatus: adjective } : {};
    // `the number of orders placed`, where orders are placed: every stored order, no filter.
    const made = stories.some(
      (other) => other.kind === 'create' && other.noun === resource && participle(other.verb) === stateFilter,
    );
    return {
      ...rest,
      kind: 'count',
      noun: resource,
      ...(stateFilter === undefined || made ? {} : { stateFilter }),
      ...notAStatus,
    };
  });
}

/** Words between `how many` and the noun that qualify nothing (`how many of the cards`, `how many of my claims`). */
const FUNCTION_WORDS = new Set([
  'of',
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'their',
  'its',
  'his',
  'her',
  'these',
  'those',
]);

/** Words that open a noun phrase (`a shift`, `my claims`). */
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'your',
  'their',
  'its',
  'his',
  'her',
  'each',
  'every',
]);

/** The most words read between `how many` and the counted noun (`how many of the active cards`). */
const MODIFIERS = 3;

/**
 * `how many calls …` → `call`; `number of orders …` → `order`; `how many active gift cards` →
 * `giftCard`, after `active` and `gift`: the resource named by the first of the next words that is a
 * head noun of the model, and the words before it; `how many times …` counts no noun.
 */
function countedNoun(
  words: readonly string[],
  resources: ReadonlyMap<string, string>,
): { readonly resource: string; readonly before: readonly string[] } | undefined {
  const at = countAt(words);
  if (at === -1 || words[at + 2] === 'times') return undefined;
  for (let index = at + 2; index <= at + 2 + MODIFIERS && index < words.length; index += 1) {
    const resource = resources.get(singular(words[index] ?? ''));
    if (resource !== undefined) return { resource, before: words.slice(at + 2, index) };
    // `how many volunteers a shift has`: an article after a noun starts the phrase of what has them,
    // so the count is of volunteers, not of shifts.
    const before = words.slice(at + 2, index);
    if (DETERMINERS.has(words[index] ?? '') && before.some((word) => !FUNCTION_WORDS.has(word)))
      return undefined;
  }
  return undefined;
}

/** Where `how many` or `number of` starts; -1 when the words ask for no count. */
function countAt(words: readonly string[]): number {
  return words.findIndex(
    (word, index) =>
      (word === 'how' && words[index + 1] === 'many') || (word === 'number' && words[index + 1] === 'of'),
  );
}

/** `giftCard` → `gift`, `card`: the words of a resource's name, which qualify no status. */
function nameWords(resource: string): string[] {
  return resource.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
}

/** The statuses a resource has: those the description lists and those its stories move it to. */
function reachedStates(
  resource: string,
  stories: readonly ParsedStory[],
  lifecycle: readonly string[],
): Set<string> {
  return new Set([
    ...lifecycle,
    ...stories.flatMap((story) =>
      story.noun === resource && story.kind === 'transition' ? [story.state ?? participle(story.verb)] : [],
    ),
  ]);
}

/**
 * `how many claims are approved` → `approved`: the word after `are`/`is`/`were` following the counted
 * noun, when it is one of the resource's statuses (`reached`).
 */
function countedState(words: readonly string[], reached: ReadonlySet<string>): string | undefined {
  const at = countAt(words);
  if (at === -1) return undefined;
  // `how many claims are approved`, `the number of orders that are shipped`.
  const verb = ['that', 'which'].includes(words[at + 3] ?? '') ? at + 4 : at + 3;
  const after = ['are', 'is', 'were'].includes(words[verb] ?? '') ? words[verb + 1] : undefined;
  return after !== undefined && reached.has(after) ? after : undefined;
}
