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

/** Words for a machine event; `notify the employee when … is approved` asks for a message to a person instead. */
export const PUBLISH_WORDS = [
  'event',
  'events',
  'publish',
  'published',
  'publishes',
  'emit',
  'emitted',
  'emits',
];
const WHEN_WORDS = ['when', 'whenever', 'once', 'after'];
const BECOMES_WORDS = ['is', 'are', 'gets', 'get', 'becomes', 'become', 'was', 'been'];
/** Participles that name what happened to an item, not a status it reaches. */
const NOT_A_STATUS = [
  'created',
  'added',
  'made',
  'posted',
  'recorded',
  'stored',
  'saved',
  'deleted',
  'removed',
  'updated',
  'changed',
  'viewed',
  'read',
];

/**
 * Whether words ask for an event when an item's status changes (`an event published when an
 * order's status changes`) or reaches one status (`send an event when an incident is resolved`,
 * a past participle after `when … is`): both are met by publishing every status change, whose
 * detail carries the status reached.
 */
export function asksForStatusEvents(words: readonly string[]): boolean {
  const has = (candidates: readonly string[]) => candidates.some((word) => words.includes(word));
  if (!has(EVENT_WORDS)) return false;
  return (
    (has(STATUS_WORDS) && has(CHANGE_WORDS)) || (has(PUBLISH_WORDS) && reachedStatus(words) !== undefined)
  );
}

/** The status `when … is <participle>` names (`resolved`), or undefined. */
export function reachedStatus(words: readonly string[]): string | undefined {
  const when = words.findIndex((word) => WHEN_WORDS.includes(word));
  if (when < 0) return undefined;
  const at = words.findIndex(
    (word, i) =>
      i > when &&
      BECOMES_WORDS.includes(word) &&
      /^[a-z]+ed$/.test(words[i + 1] ?? '') &&
      !NOT_A_STATUS.includes(words[i + 1] ?? ''),
  );
  return at < 0 ? undefined : words[at + 1];
}
