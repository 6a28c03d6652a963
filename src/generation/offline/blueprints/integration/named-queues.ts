import { wordsOf } from '../../naming/words-of.js';

/** A queue the request names (`the billing queue`, `our existing payments SQS queue`). */
export interface NamedQueue {
  /** The name word before `queue` (`billing`), past any `SQS`/`FIFO`. */
  readonly name: string;
  /** `our existing payments queue`: a queue that is there already, not one the stack should make. */
  readonly existing: boolean;
}

/** Words between a queue's name and `queue` that are its kind, not its name. */
const KIND_WORDS = new Set(['sqs', 'fifo', 'standard', 'amazon', 'aws']);
/** Words that stand where a name would and are none (`a queue`, `the same queue`, `a dead-letter queue`). */
const NOT_NAMES = new Set([
  'a',
  'an',
  'the',
  'our',
  'their',
  'its',
  'my',
  'your',
  'this',
  'that',
  'one',
  'same',
  'new',
  'own',
  'existing',
  'separate',
  'single',
  'main',
  'message',
  'messages',
  'letter',
  'dead',
  'dlq',
  'queue',
  'queues',
  'retry',
  'work',
  'input',
  'source',
  'target',
  'to',
  'from',
  'on',
  'into',
  'in',
  'of',
  'and',
  'or',
]);
const EXISTING_WORDS = new Set(['existing', 'current', 'legacy']);
/** How far before a queue's name `existing` may stand (`our existing payments SQS queue`). */
const EXISTING_REACH = 3;

/**
 * The queues a text names, each once by name: the word before `queue` (past `SQS`, `FIFO`) that is
 * no article, owner or kind, and whether `existing` stands just before it. Bounded by the words of
 * the text; `the queue` and `a dead-letter queue` name none.
 */
export function namedQueues(texts: readonly string[]): NamedQueue[] {
  const found = new Map<string, NamedQueue>();
  for (const text of texts) {
    const words = wordsOf(text);
    words.forEach((word, index) => {
      if (word !== 'queue' && word !== 'queues') return;
      let at = index - 1;
      while (at >= 0 && KIND_WORDS.has(words[at] ?? '')) at -= 1;
      const name = words[at];
      if (name === undefined || NOT_NAMES.has(name) || /^\d/.test(name)) return;
      const existing = words.slice(Math.max(0, at - EXISTING_REACH), at).some((w) => EXISTING_WORDS.has(w));
      const known = found.get(name);
      found.set(name, { name, existing: existing || (known?.existing ?? false) });
    });
  }
  return [...found.values()];
}
