import { plural } from '../../../naming/plural.js';
import type { ParsedStory } from './parsed-story.js';

/**
 * `create a pick list`, where the request also says `pick lists` or `Each pick list has …`: a
 * collection word (`list`, `catalogue`) with a word before it that the request counts is a kind of
 * item — the resource `list`, which compound-names.ts names `pickList` — not the service's whole
 * collection (`browse the catalogue`, `view my order history` stay collective). `texts` are the
 * words of every story and description sentence.
 */
export function countableCollection(story: ParsedStory, texts: readonly (readonly string[])[]): ParsedStory {
  if (!story.collective || story.collection === undefined) return story;
  const [modifier, head] = story.collection;
  const counted = texts.some((words) =>
    words.some(
      (word, index) =>
        word === modifier &&
        (words[index + 1] === plural(head) || (words[index + 1] === head && words[index - 1] === 'each')),
    ),
  );
  return counted ? { ...story, collective: false, noun: head } : story;
}
