import { plural } from '../../../naming/plural.js';
import type { ParsedStory } from './parsed-story.js';

/**
 * `request leave` where the request speaks of `leave requests`, `claim expenses` beside `expense
 * claims`: the verb and its object are the compound noun the other stories act on, so the story
 * creates that compound's head (`request`), not a resource of its modifier (`leave`) that nothing
 * else writes. A verb read as a status move (`claim`) makes the compound only when another story
 * acts on the head noun (`approve an expense claim`), so `ship an order` beside `when an order
 * ships` stays a move. `texts` are the words of every story and description sentence.
 */
export function compoundObject(params: {
  story: ParsedStory;
  texts: readonly (readonly string[])[];
  /** The nouns the stories act on. */
  nouns: ReadonlySet<string>;
}): ParsedStory {
  const { story, texts } = params;
  const { noun, verb } = story;
  if (noun === undefined || noun === verb) return story;
  if (story.kind !== 'create' && !(story.kind === 'transition' && params.nouns.has(verb))) return story;
  const modifiers = new Set([noun, plural(noun)]);
  const heads = new Set([verb, plural(verb)]);
  const compound = texts.some((words) =>
    words.some((word, index) => modifiers.has(word) && heads.has(words[index + 1] ?? '')),
  );
  return compound ? { ...story, kind: 'create', noun: verb, refusedFrom: [] } : story;
}
