import { channelsNamed } from '../../coverage/notification-channels.js';
import type { StoryIntent } from '../../naming/story-intent.js';
import { wordsOf } from '../../naming/words-of.js';

/** What a story receives that is a message or event the service handles, not a notice to a person. */
const HANDLED = new Set([
  'event',
  'events',
  'message',
  'messages',
  'webhook',
  'webhooks',
  'delivery',
  'deliveries',
]);

/**
 * A story that asks for a person to be told (`As finance I receive an email when the report is
 * ready`, `As an operator I am alerted when the job fails`): a notification the service would send
 * (an SNS topic and its subscription), never a message type the consumer accepts.
 */
export function isNotificationStory(intent: StoryIntent): boolean {
  const words = wordsOf(intent.text);
  if (words.some((word) => HANDLED.has(word))) return false;
  return channelsNamed(intent.text).length > 0 || intent.receives === true;
}
