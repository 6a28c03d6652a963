const EVENT_WORDS = [
  'event',
  'events',
  'publish',
  'published',
  'publishes',
  'notify',
  'notified',
  'notification',
  'notifications',
  'emit',
  'emitted',
  'emits',
];
const STATUS_WORDS = ['status', 'state', 'statuses', 'states'];
const CHANGE_WORDS = [
  'change',
  'changes',
  'changed',
  'changing',
  'update',
  'updates',
  'updated',
  'transition',
  'transitions',
  'moves',
];

/** Whether words ask for an event whenever an item's status changes (`an event published when an order's status changes`). */
export function asksForStatusEvents(words: readonly string[]): boolean {
  const has = (candidates: readonly string[]) => candidates.some((word) => words.includes(word));
  return has(EVENT_WORDS) && has(STATUS_WORDS) && has(CHANGE_WORDS);
}
