import type { StoryIntent } from '../../naming/story-intent.js';
import { wordsOf } from '../../naming/words-of.js';

const PERIOD_WORDS = new Set([
  'daily',
  'weekly',
  'monthly',
  'nightly',
  'hourly',
  'yearly',
  'cron',
  'schedule',
  'scheduled',
]);
const EVERY_WORDS = new Set([
  'day',
  'week',
  'month',
  'hour',
  'night',
  'morning',
  'evening',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'weekday',
  'weekend',
]);

/**
 * A story that asks for something on a schedule (`I can download last week's signups as a CSV
 * every Monday morning`, `a weekly report`): a job that runs at a time, never a message type the
 * consumer accepts, unless it speaks of an event or a message (which is then what it receives).
 */
export function isScheduledStory(intent: StoryIntent): boolean {
  const words = wordsOf(intent.text);
  if (words.some((word) => ['event', 'events', 'message', 'messages', 'webhook', 'webhooks'].includes(word)))
    return false;
  return (
    words.some((word) => PERIOD_WORDS.has(word)) ||
    words.some(
      (word, index) => (word === 'every' || word === 'each') && EVERY_WORDS.has(words[index + 1] ?? ''),
    )
  );
}
