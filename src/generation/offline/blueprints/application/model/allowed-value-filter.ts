import type { DescriptionFields } from './description-fields.js';
import type { ParsedStory } from './parsed-story.js';
import { wordsBeforeNoun } from './words-before-noun.js';

/** The words of a camelCase field name, lower case (`riskLevel` → `risk`, `level`). */
function nameWords(name: string): string[] {
  return name.split(/(?=[A-Z])/).map((part) => part.toLowerCase());
}

/**
 * `list high risk change requests`, where each change request has `a risk level (low, medium or
 * high)`: a word the story left unread is one of a described field's allowed values, so the list is
 * filtered on that field (`?riskLevel=high`), as `list high priority tickets` is on `priority`. When
 * the value is allowed by several fields, the one whose name a word of the story starts (`risk` →
 * `riskLevel`) is taken; still several, or none, and the story is unchanged.
 */
export function allowedValueFilter(story: ParsedStory, described: readonly DescriptionFields[]): ParsedStory {
  if (story.kind !== 'list' || story.noun === undefined) return story;
  if (story.stateFilter !== undefined || story.filterBy !== undefined) return story;
  const fields = described
    .filter((entry) => entry.resource === story.noun)
    .flatMap((entry) => entry.fields)
    .filter((field) => !field.list && (field.values ?? []).length > 0);
  const said = new Set(story.intent.actionWords);
  // `list vegan recipes`: a value read as part of the noun (`vegan recipes`) is a value too.
  for (const word of [...story.unused, ...wordsBeforeNoun(story)]) {
    const allowing = fields.filter((field) => (field.values ?? []).includes(word));
    const named = allowing.filter((field) => said.has(nameWords(field.name)[0] ?? ''));
    const field = allowing.length === 1 ? allowing[0] : named.length === 1 ? named[0] : undefined;
    if (field === undefined) continue;
    return {
      ...story,
      filterBy: field.name,
      filterValue: word,
      unused: story.unused.filter((other) => other !== word),
    };
  }
  return story;
}
