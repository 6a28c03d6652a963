import { callerField } from './caller-field.js';
import type { ParsedStory } from './parsed-story.js';

/** Moves whose `to …` names who the item now belongs to (`assign a ticket to another agent`): recorded from the body. */
export const RECIPIENT_VERBS: ReadonlySet<string> = new Set(['assign', 'reassign']);

/**
 * `reassign a pick list to another picker`: a move that records, from the body, who the item now
 * belongs to (`assignee`). Where the description lists the statuses and `reassigned` is not one, the
 * move records that field and keeps the status, as `assign a ticket to myself` records the caller.
 */
export function recordsRecipient(story: ParsedStory): boolean {
  return (
    story.kind === 'transition' &&
    RECIPIENT_VERBS.has(story.verb) &&
    story.fields.some((field) => field.name === callerField(story.verb))
  );
}
