import { camel } from './camel.js';
import { singular } from '../../../naming/singular.js';
import type { DescriptionFields } from './description-fields.js';
import type { FieldAsk, ParsedStory } from './parsed-story.js';
import { stateBeforeNoun } from './state-before-noun.js';
import { CONNECTORS } from './story-connectors.js';

/** Verbs that change an amount of the item (`raise the limit of a quota`): an update of that attribute. */
const ADJUSTS = new Set(['raise', 'lower', 'increase', 'decrease', 'reduce', 'extend', 'shorten', 'bump']);
/**
 * Verbs that send out an item another story makes (`send an invoice` next to `create a draft invoice`):
 * a move of the existing item (`sent`), not a second create.
 */
const SENDS = new Set(['send', 'issue', 'publish', 'dispatch', 'resend']);
/**
 * Verbs that hand in an item made before (`submit a draft report` next to `create a report`): a move
 * of the existing item (`submitted`), not a second create, when another story makes the item or the
 * object is in a state already (`a draft report`).
 */
const HANDS_IN = new Set(['submit', 'file', 'lodge']);
/** Verbs that make a record of their own about their object (`book a room` makes a booking of the room). */
export const RECORD_OF: Readonly<Record<string, string>> = {
  book: 'booking',
  reserve: 'reservation',
  borrow: 'loan',
  lend: 'loan',
  rent: 'rental',
  hire: 'hire',
};

/**
 * Reads the create verbs that do not create their object, knowing every story: `raise the limit of a
 * quota` changes the quota's `limit`; `send an invoice`, when another story creates invoices, moves
 * the invoice (to `sent`); `book a room`, when other stories act on bookings, creates a booking that
 * names its room (`roomId`), with the story's fields; `borrow a book`, beside stories on loans, creates
 * a loan (with the fields the description gives it, as the borrowed item is named there, `a book ISBN`).
 */
export function verbObjects(stories: readonly ParsedStory[]): ParsedStory[] {
  return stories.map((story) => {
    if (story.noun === undefined) return story;
    // `borrow a book`, beside stories on loans: borrowing makes the loan, as booking makes a booking.
    const recordMade = RECORD_OF[story.verb];
    if (story.kind === 'transition' && recordMade !== undefined && recordMade !== story.noun) {
      // No `bookId` is required of it: the description says how a loan names its book (`a book ISBN`).
      if (stories.some((other) => other.noun === recordMade))
        return { ...story, kind: 'create', noun: recordMade };
    }
    if (story.kind !== 'create') return story;
    if (ADJUSTS.has(story.verb) && (story.attribute ?? story.possessed) !== undefined)
      return { ...story, kind: 'update' };
    const record = RECORD_OF[story.verb];
    if (record !== undefined && story.noun !== record && stories.some((other) => other.noun === record))
      return {
        ...story,
        noun: record,
        fields: [{ name: `${camel([story.noun])}Id`, list: false, minItems: 0 }, ...story.fields],
      };
    const madeElsewhere = stories.some(
      (other) =>
        other !== story &&
        other.noun === story.noun &&
        other.kind === 'create' &&
        !SENDS.has(other.verb) &&
        !HANDS_IN.has(other.verb),
    );
    if (story.parent !== undefined) return story;
    if (SENDS.has(story.verb) && madeElsewhere) return { ...story, kind: 'transition' };
    if (!HANDS_IN.has(story.verb)) return story;
    const state = stateOfObject(story);
    if (!madeElsewhere && state === undefined) return story;
    return { ...story, kind: 'transition', ...(state === undefined ? {} : { onlyIn: state }) };
  });
}

/** Verbs that add to an amount when their object is counted by a field of another item (`add seats`). */
const ADDS = new Set(['add', 'buy', 'purchase']);
/** Words between `to` and the item added to (`to my subscription`, `to the plan`). */
const DETERMINERS = new Set(['my', 'our', 'a', 'an', 'the', 'this', 'that', 'their', 'its']);

/**
 * `add seats to my subscription`, where the description gives a subscription a seat count: not a
 * `seat` resource of its own but the subscription's `seatCount`, changed by its update (`addsTo`
 * says the story asked to add, which the update does not). Only a create whose object names the
 * first word of a number field (one with a number type or bounds) of the resource `to …` names,
 * when no other story acts on that object; other stories are as they were.
 */
export function addedToNumbers(
  stories: readonly ParsedStory[],
  described: readonly DescriptionFields[],
): ParsedStory[] {
  return stories.map((story) => {
    if (story.kind !== 'create' || story.noun === undefined || !ADDS.has(story.verb)) return story;
    const noun = story.noun;
    if (stories.some((other) => other !== story && (other.noun === noun || other.parent === noun)))
      return story;
    const [to, ...rest] = story.unused;
    const target = rest.find((word) => !DETERMINERS.has(word));
    if (to !== 'to' || target === undefined || rest.at(-1) !== target) return story;
    const owner = singular(target);
    const field = described
      .filter((entry) => entry.resource === owner)
      .flatMap((entry) => entry.fields)
      .find((ask) => numeric(ask) && ask.name.split(/(?=[A-Z])/)[0]?.toLowerCase() === noun);
    if (field === undefined) return story;
    const { fields: _fields, ...kept } = story;
    return {
      ...kept,
      kind: 'update',
      noun: owner,
      attribute: field.name,
      addsTo: field.name,
      fields: [],
      unused: [],
    };
  });
}

/** A field holding a number: typed so, or bounded (`a seat count between 1 and 500`). */
function numeric(ask: FieldAsk): boolean {
  return (
    ask.type === 'number' ||
    ask.minimum !== undefined ||
    ask.maximum !== undefined ||
    ask.exclusiveMinimum !== undefined ||
    ask.exclusiveMaximum !== undefined ||
    ask.integer === true
  );
}

/** `submit a draft report for approval` → `draft`: the state the object is named in, before any connector. */
function stateOfObject(story: ParsedStory): string | undefined {
  const phrase = story.intent.actionWords.slice(1);
  const end = phrase.findIndex((word) => CONNECTORS.has(word));
  return stateBeforeNoun(end === -1 ? phrase : phrase.slice(0, end));
}
