import { baseVerb } from './base-verb.js';

/** A story's action words with the verb first, and whether the story asks for something done to its role. */
export interface ActiveVoice {
  /** Verb first (`alert`, `list orders`), never an auxiliary or a pronoun. */
  readonly words: readonly string[];
  /**
   * The role is told or sent something (`I am alerted when…`, `I get notified`, `I receive a weekly
   * report`): not an action the role takes on a resource.
   */
  readonly receives: boolean;
}

const AUXILIARIES = new Set([
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'get',
  'gets',
  'got',
  'getting',
]);
const TELLING = new Set([
  'notify',
  'alert',
  'email',
  'inform',
  'remind',
  'warn',
  'tell',
  'page',
  'message',
  'text',
  'ping',
  'send',
  'update',
]);
const RECEIVING = new Set(['receive', 'receives', 'hear']);
/** Passive verbs that send the role somewhere rather than tell it something (`I am redirected to the target`): an HTTP answer. */
export const REDIRECTING = new Set(['redirect', 'forward', 'reroute']);
/** What is sent to people rather than kept as a resource. */
const DELIVERED = new Set([
  'report',
  'reports',
  'email',
  'emails',
  'notification',
  'notifications',
  'alert',
  'alerts',
  'summary',
  'summaries',
  'digest',
  'digests',
  'message',
  'messages',
  'reminder',
  'reminders',
  'sms',
  'text',
  'texts',
  'newsletter',
  'newsletters',
  'push',
]);
const OBJECT_END = new Set([
  'when',
  'if',
  'once',
  'about',
  'whenever',
  'so',
  'that',
  'with',
  'for',
  'on',
  'by',
]);

/**
 * Turns the words after the modal (or the subject) into verb-first words: `am alerted when …` →
 * `alert when …` (received), `notified when …` → `notify when …` (received), `orders are listed` →
 * `list orders`, `receive a weekly report` (received). Other words are returned as they are.
 */
export function activeVoice(words: readonly string[]): ActiveVoice {
  const [first = '', second = '', third = ''] = words;
  const passive = AUXILIARIES.has(first) ? baseVerb(second) : undefined;
  // `I am alerted`, `I get paged`: told something. `I am redirected`: sent somewhere, not a notice.
  if (passive !== undefined)
    return { words: [passive, ...words.slice(2)], receives: !REDIRECTING.has(passive) };
  if (AUXILIARIES.has(first) && TELLING.has(second))
    return { words: [second, ...words.slice(2)], receives: true };
  const told = baseVerb(first);
  if (told !== undefined && TELLING.has(told)) return { words: [told, ...words.slice(1)], receives: true };
  const subjectFirst = AUXILIARIES.has(second) ? baseVerb(third) : undefined;
  if (subjectFirst !== undefined) return { words: [subjectFirst, first, ...words.slice(3)], receives: false };
  if (RECEIVING.has(first)) {
    const end = words.findIndex((word, index) => index > 0 && OBJECT_END.has(word));
    const object = words.slice(1, end === -1 ? undefined : end);
    if (object.some((word) => DELIVERED.has(word))) return { words, receives: true };
  }
  return { words, receives: false };
}
