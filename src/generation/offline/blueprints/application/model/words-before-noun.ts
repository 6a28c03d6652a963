import { singular } from '../../../naming/singular.js';
import type { ParsedStory } from './parsed-story.js';

/**
 * `list dormant accounts`, `list vegan recipes` → `dormant`, `vegan`: the words a list story writes
 * between its verb and its noun (the last word of a compound name, `change requests` for
 * `changeRequest`), which a compound noun (`support tickets`) also holds, so a caller checks each
 * against what the description lists before reading it as a filter. Empty when the noun is not found.
 */
export function wordsBeforeNoun(story: ParsedStory): readonly string[] {
  const noun = story.noun;
  if (noun === undefined) return [];
  const head = (noun.split(/(?=[A-Z])/).at(-1) ?? noun).toLowerCase();
  const words = story.intent.actionWords;
  const at = words.findIndex((word, index) => index > 0 && singular(word) === head);
  return at === -1 ? [] : words.slice(1, at);
}
