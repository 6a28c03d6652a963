import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { plural } from '../../../naming/plural.js';
import { singular } from '../../../naming/singular.js';
import { RECORD_OF } from './verb-objects.js';
import { wordsOfText } from './words-of-text.js';

/** Words before a noun that make it one (`their booking`, `the bookings`), not the verb's gerund. */
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'their',
  'his',
  'her',
  'my',
  'our',
  'its',
  'each',
  'every',
  'your',
]);
/** The most words between a record verb and the subject it acts on (`booking office desks`). */
const MOST_BETWEEN = 2;

/** A record the description says the subject is booked in: `book a desk`, `their booking` → booking of a desk. */
export interface DescribedRecord {
  /** The record made (`booking`). */
  readonly record: string;
  /** The subject it names (`desk`): the record keeps its id (`deskId`). */
  readonly object: string;
}

/**
 * For a request with no stories, whose service subject (`desk`) the description acts on with a
 * verb that makes a record of its own (`Employees can book a desk`, `booking office desks`, as
 * `book a room` beside stories on bookings does) and names that record as a thing (`cancel their
 * booking`, `the bookings of a day`): the resource is the record, naming its object. Undefined when
 * the description does not say both.
 */
export function describedRecord(
  sentences: readonly DescriptionSentence[],
  subject: string,
): DescribedRecord | undefined {
  const texts = sentences.map((sentence) => wordsOfText(sentence.text));
  for (const words of texts) {
    for (let at = 0; at < words.length; at += 1) {
      const record = recordOfVerb(words[at] ?? '');
      if (record === undefined || record === subject) continue;
      const object = words.slice(at + 1, at + 2 + MOST_BETWEEN).some((word) => singular(word) === subject);
      if (object && texts.some((other) => namesRecord(other, record))) return { record, object: subject };
    }
  }
  return undefined;
}

/** `book`, `books`, `booked`, `booking` → `booking`; `reserving` → `reservation`; else undefined. */
function recordOfVerb(word: string): string | undefined {
  const stems = [
    word,
    word.replace(/s$/, ''),
    word.replace(/ed$/, ''),
    word.replace(/d$/, ''),
    word.replace(/ing$/, ''),
    word.replace(/ing$/, 'e'),
  ];
  const verb = stems.find((stem) => RECORD_OF[stem] !== undefined);
  return verb === undefined ? undefined : RECORD_OF[verb];
}

/** The record as a noun: after a determiner (`their booking`) or plural (`bookings`). */
function namesRecord(words: readonly string[], record: string): boolean {
  return words.some(
    (word, at) => word === plural(record) || (word === record && DETERMINERS.has(words[at - 1] ?? '')),
  );
}
