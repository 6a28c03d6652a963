import { plural } from '../../../naming/plural.js';
import type { ParsedStory } from './parsed-story.js';
import { wordsOfText } from './words-of-text.js';

/**
 * `see the timeline of an incident`, where another story adds `a timeline entry to an incident`: the
 * story reads the children made under its object (a list of that incident's entries), not a field
 * `timeline` of the incident nobody writes. A read's attribute names a child when it is the child
 * (`the comments of a ticket`), or the word a story making that child puts before it (`timeline
 * entry`). `parents`: each child noun's parent (parents-of.ts).
 */
export function childReads(
  stories: readonly ParsedStory[],
  parents: ReadonlyMap<string, string>,
): ParsedStory[] {
  return stories.map((story) => {
    const { noun, attribute } = story;
    if (story.kind !== 'read' || noun === undefined || attribute === undefined) return story;
    const child = [...parents.entries()].find(
      ([candidate, parent]) => parent === noun && namesChild({ attribute, child: candidate, stories }),
    )?.[0];
    if (child === undefined) return story;
    const { attribute: _read, ...rest } = story;
    return { ...rest, kind: 'list', noun: child, parent: noun };
  });
}

function namesChild(params: { attribute: string; child: string; stories: readonly ParsedStory[] }): boolean {
  const { attribute, child } = params;
  if (attribute === child || attribute === plural(child)) return true;
  return params.stories.some((story) => {
    if (story.noun !== child || story.kind !== 'create') return false;
    const words = wordsOfText(story.intent.text);
    return words.some(
      (word, index) =>
        (word === attribute || word === plural(attribute)) &&
        (words[index + 1] === child || words[index + 1] === plural(child)),
    );
  });
}
