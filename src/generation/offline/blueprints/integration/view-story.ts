import type { StoryIntent } from '../../naming/story-intent.js';

/** Verbs by which a person reads or looks at something (`I see every payment`, `I can view the ledger`). */
const VIEW_VERBS = new Set([
  'see',
  'sees',
  'view',
  'views',
  'browse',
  'browses',
  'look',
  'looks',
  'watch',
  'watches',
  'inspect',
  'inspects',
  'review',
  'reviews',
]);

/**
 * A story that asks to look at something (`As a finance analyst I see every payment in the
 * ledger`): a read or a view of what the service stored, never a message type anyone sends the
 * consumer, so it names no handler.
 */
export function isViewStory(intent: StoryIntent): boolean {
  return VIEW_VERBS.has(intent.verb);
}

/** Why a view story is not met by the integration: what it generates and what the story would need. */
export function viewStoryGap(intent: StoryIntent): string {
  return `"${intent.text}" asks to see something: no read or view is generated (the consumer only records each message once in ProcessedMessagesTable); write the query or page that shows it by hand`;
}
