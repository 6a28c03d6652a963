import { participle } from '../../../naming/participle.js';
import { listedStatusOf } from './listed-status-of.js';
import type { ParsedStory } from './parsed-story.js';
import { recordsRecipient } from './recipient-move.js';

/**
 * Verbs that end an item's life (`cancel my hold`): their status stands beside a listed lifecycle,
 * since an ended item is meant to leave the lists of the listed statuses.
 */
const ENDINGS = new Set([
  'cancel',
  'close',
  'archive',
  'withdraw',
  'reject',
  'expire',
  'void',
  'abandon',
  'terminate',
  'revoke',
  'discontinue',
  'retire',
  'suspend',
  'decline',
  'refund',
  'dismiss',
  'deactivate',
  'disable',
  'block',
  'ban',
]);

/** The fewest letters a return verb shares with a listed status (`activate`, `active`). */
const STEM = 5;

/** How many leading letters two words share. */
function sharedStem(one: string, other: string): number {
  let at = 0;
  while (at < one.length && one[at] === other[at]) at += 1;
  return at;
}

/**
 * `renew a loan`, `extend the due date of a hold`, `rate a talk`, where the description lists the
 * lifecycle (`Loans are active, returned or overdue.`) and the verb's status is not in it: not a
 * status move, since a new status would hide the item from every list of a listed status (a renewed
 * loan is still active). A story naming a field of the item (`the due date of a hold`) changes that
 * field (an update, PATCH); any other names nothing the model can store, and its coverage says why
 * (`notInLifecycle`). Moves to a listed status (or its stem: `void` → `voided`), moves that name their
 * state, moves recording the caller or a recipient, endings (`cancel`) and returns (`reopen`) are kept as they are.
 */
export function outsideLifecycle(story: ParsedStory, lifecycle: readonly string[]): ParsedStory {
  if (story.kind !== 'transition' || lifecycle.length === 0 || story.noun === undefined) return story;
  if (story.state !== undefined || story.toCaller === true || ENDINGS.has(story.verb)) return story;
  // `reassign a pick list to another picker`: records the recipient and keeps the status (status-machine.ts).
  if (recordsRecipient(story)) return story;
  const status = participle(story.verb);
  const listed = (word: string) => listedStatusOf(word, word, lifecycle) !== undefined;
  // `reopen a resolved ticket`, `reactivate a canceled subscription`: back to a listed status.
  const again = story.verb.slice(2);
  const returning =
    story.verb.startsWith('re') &&
    ((story.onlyIn !== undefined && lifecycle.includes(story.onlyIn)) ||
      listed(participle(again)) ||
      lifecycle.some((entry) => sharedStem(entry, again) >= STEM));
  if (listed(status) || listed(story.verb) || returning) return story;
  if (story.attribute !== undefined) return { ...story, kind: 'update' };
  const { noun, ...rest } = story;
  return { ...rest, notInLifecycle: { noun, status, lifecycle } };
}
