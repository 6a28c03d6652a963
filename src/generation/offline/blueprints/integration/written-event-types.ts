import { wordsOf } from '../../naming/words-of.js';

/**
 * A sender's event name as a request writes it: dotted (`transaction.created`), snake
 * (`card_blocked`) or kebab (`order-shipped`), lowercase, each part at least two characters (so
 * `e.g` is none), not inside a path, address or larger token.
 */
const WRITTEN_NAME = /(?<![\w./@:-])[a-z][a-z0-9]+(?:[._-][a-z][a-z0-9]+)+(?![\w/@-]|\.[a-z0-9])/g;
/** Last parts that make a dotted token a file, a domain or a queue name, not an event (`orders.fifo`, `api.example.com`). */
const NOT_EVENT_ENDINGS = new Set([
  'com',
  'org',
  'net',
  'io',
  'dev',
  'app',
  'json',
  'yaml',
  'yml',
  'ts',
  'js',
  'md',
  'txt',
  'csv',
  'zip',
  'fifo',
  'html',
]);
/**
 * Words after a kebab name that make it an event's name (`order-shipped events`); alone, kebab is
 * prose (`dead-letter`), and before `webhooks` it is the sender (`payment-provider webhooks`).
 */
const KIND_WORDS = new Set(['event', 'events', 'message', 'messages']);
const MAX_NAMES = 20;

/**
 * The event types a text names in the sender's own spelling, as message type names:
 * `for transaction.created and card.blocked` → TransactionCreated, CardBlocked (the receiver takes
 * a delivery whose type is `transaction.created` or `TransactionCreated`, as for any spelled type).
 * Dotted and snake names count anywhere in the text; a kebab name only right before `events` or
 * `messages`, since prose is full of them (`dead-letter queue`). Each once, in order,
 * at most 20, each at most 64 characters. The caller passes only texts that speak of events.
 */
export function writtenEventTypes(text: string): string[] {
  const names = [...text.matchAll(WRITTEN_NAME)].flatMap((match) => {
    const name = match[0];
    if (NOT_EVENT_ENDINGS.has(name.split('.').at(-1) ?? '')) return [];
    if (!/[._]/.test(name)) {
      const next = wordsOf(text.slice((match.index ?? 0) + name.length))[0] ?? '';
      if (!KIND_WORDS.has(next)) return [];
    }
    return [pascal(name)];
  });
  return [...new Set(names)].slice(0, MAX_NAMES);
}

function pascal(name: string): string {
  return wordsOf(name)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
    .slice(0, 64);
}
