import type { VerbKind } from './verb-kind.js';
import type { ParsedStory } from './parsed-story.js';
import { STATUS_WORDS } from './status-words.js';

/** What a story may do to an owner's attribute without the attribute becoming a resource. */
export const ATTRIBUTE_KINDS: ReadonlySet<VerbKind> = new Set<VerbKind>(['read', 'update']);

/**
 * `see a product's stock level`, where products are created and stock levels are not: a read of the
 * product's `stockLevel`, not a resource of its own that nothing would ever write. Likewise a change
 * (`change a ticket's priority`): the ticket's `priority` is updated, not a `priority` resource.
 */
export function attributesOfOwners(stories: readonly ParsedStory[]): ParsedStory[] {
  const created = new Set(
    stories.flatMap((story) => (story.kind === 'create' && story.noun !== undefined ? [story.noun] : [])),
  );
  return stories.map((story) => {
    const { owner, possessed, noun } = story;
    if (!ATTRIBUTE_KINDS.has(story.kind) || owner === undefined || possessed === undefined) return story;
    if (!created.has(owner) || noun === undefined || created.has(noun)) return story;
    const { owner: _owner, possessed: _possessed, ...rest } = story;
    return { ...rest, noun: owner, attribute: STATUS_WORDS.has(noun) ? noun : possessed };
  });
}
