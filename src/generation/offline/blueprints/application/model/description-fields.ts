import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { plural } from '../../../naming/plural.js';
import { wordsOf } from '../../../naming/words-of.js';
import { limitAt } from './number-limit.js';
import { parenthesisedValues } from './parenthesised-values.js';
import { readFields } from './read-fields.js';
import type { FieldAsk } from './parsed-story.js';

/** Fields a description sentence gives a resource, and where it said so. */
export interface DescriptionFields {
  readonly resource: string;
  readonly sentence: number;
  readonly fields: readonly FieldAsk[];
}

const HAS = new Set([
  'has',
  'have',
  'includes',
  'include',
  'carries',
  'carry',
  'holds',
  'hold',
  'contains',
  'contain',
  'stores',
  'store',
  'records',
  'record',
]);
const ARTICLES = new Set(['a', 'an', 'the']);
const DETERMINERS = new Set([
  'its',
  'their',
  'our',
  'my',
  'your',
  'each',
  'every',
  'this',
  'that',
  'these',
  'those',
]);
const BETWEEN = new Set(['can', 'may', 'must', 'should', 'will', 'also', 'always', 'optionally']);
/** Words that start a clause: the fields end there. */
const END = new Set(['so', 'that', 'which', 'who', 'when', 'if', 'unless', 'because', 'while']);
/**
 * A preposition ends the fields when a phrase of its own follows (`for the team`, `in our
 * warehouse`); one bare noun after it qualifies the field (`a quantity on hand`), read by `readFields`.
 */
const PREPOSITIONS = new Set(['for', 'by', 'to', 'from', 'in', 'on', 'via', 'after', 'before', 'until']);

/**
 * `Each ticket has an assignee and a priority` → ticket: assignee, priority; `a priority (low,
 * medium or high)` → priority, one of those values. Read the way a story's
 * `with …` is (`parseStory`), for the resources the stories made: a sentence naming another noun
 * gives nothing. Sentences are read whole, since clauses split at `and`.
 */
export function descriptionFields(
  sentences: readonly DescriptionSentence[],
  resources: readonly string[],
): DescriptionFields[] {
  return sentences.flatMap((sentence) => {
    const listed = parenthesisedValues(sentence.text);
    const words = wordsOf(listed.text);
    return resources.flatMap((resource) => {
      const at = words.findIndex((word) => word === resource || word === plural(resource));
      if (at === -1) return [];
      const verb = hasVerbAfter(words, at + 1, isSubject(words.slice(0, at)));
      if (verb === undefined) return [];
      const rest = words.slice(verb + 1);
      const bounded = boundWords(rest);
      const end = rest.findIndex(
        (word, index) =>
          END.has(word) || (PREPOSITIONS.has(word) && !bounded.has(index) && !qualifiesField(rest, index)),
      );
      const fields = readFields(end === -1 ? rest : rest.slice(0, end)).map((field) => {
        const values = field.list ? undefined : listed.values.get(lastWord(field.name));
        return values === undefined ? field : { ...field, values };
      });
      return fields.length === 0 ? [] : [{ resource, sentence: sentence.number, fields }];
    });
  });
}

/** Words a relation clause may hold before `and has` (`belongs to a project and has …`); none ends a clause. */
const RELATION_WORDS = 8;

/**
 * Where the verb giving the fields is: right after the noun (`Each ticket has`, `can have`), or after
 * a relation clause joined by `and` (`Each task belongs to a project and has a title`, `is placed by
 * a customer and includes`), a clause the parents are read from elsewhere (`parentPhrase`).
 */
function hasVerbAfter(words: readonly string[], from: number, subject: boolean): number | undefined {
  let verb = from;
  while (BETWEEN.has(words[verb] ?? '')) verb += 1;
  if (HAS.has(words[verb] ?? '')) return verb;
  // Only the sentence's subject has the clause: in `Each task belongs to a project and has …` the project has nothing.
  if (!subject) return undefined;
  for (let at = from; at < Math.min(words.length, from + RELATION_WORDS); at += 1) {
    const word = words[at] ?? '';
    if (END.has(word) || HAS.has(word)) return undefined;
    if (word !== 'and') continue;
    let next = at + 1;
    while (BETWEEN.has(words[next] ?? '')) next += 1;
    if (HAS.has(words[next] ?? '')) return next;
  }
  return undefined;
}

/** The most words of a compound before the subject's noun (`A gift card`, `Each leave request`). */
const COMPOUND_WORDS = 2;

/**
 * The words before the noun open the sentence as its subject: leads (`Each task`, `A booking`),
 * then at most COMPOUND_WORDS words of a compound (`A gift card belongs to a customer and has …`).
 */
function isSubject(before: readonly string[]): boolean {
  const leads = before.findIndex((word) => !isLead(word));
  const compound = leads === -1 ? [] : before.slice(leads);
  return (
    compound.length <= COMPOUND_WORDS &&
    compound.every(
      (word) =>
        !isLead(word) &&
        !END.has(word) &&
        !HAS.has(word) &&
        !BETWEEN.has(word) &&
        !PREPOSITIONS.has(word) &&
        word !== 'of',
    )
  );
}

/** Words that may come before a sentence's subject (`Each task`, `All orders`, `A booking`). */
function isLead(word: string): boolean {
  return ARTICLES.has(word) || DETERMINERS.has(word) || word === 'all' || word === 'any';
}

/** Indexes of the words inside a bound (`up to 10 tags`, `from 1 to 5`): their prepositions end no field list. */
function boundWords(words: readonly string[]): Set<number> {
  const inside = new Set<number>();
  for (let at = 0; at < words.length; at += 1) {
    const limit = limitAt(words, at);
    if (limit === undefined) continue;
    for (let index = at; index < limit.end; index += 1) inside.add(index);
    at = limit.end - 1;
  }
  return inside;
}

/**
 * `a quantity on hand, a unit price`, `a duration in hours between 1 and 12`, `an amount in cents
 * greater than 0`: one word after the preposition, then the next field, a bound of the field or the end.
 */
function qualifiesField(words: readonly string[], at: number): boolean {
  const next = words[at + 1];
  if (next === undefined || ARTICLES.has(next) || DETERMINERS.has(next)) return false;
  const after = words[at + 2];
  return (
    after === undefined ||
    after === 'and' ||
    after === 'whether' ||
    ARTICLES.has(after) ||
    limitAt(words, at + 2) !== undefined ||
    // `a price in dollars of at least 1`
    ((after === 'of' || after === 'is') && limitAt(words, at + 3) !== undefined)
  );
}

/** `requesterEmail` → `email`: the word a parenthesised list follows. */
function lastWord(name: string): string {
  return (name.split(/(?=[A-Z])/).at(-1) ?? name).toLowerCase();
}
