import { FILTER_FIELDS } from './named-filter.js';
import { ownerAttribute } from './owner-attribute.js';
import { ownerWord } from './owner-word.js';
import type { FieldAsk } from './parsed-story.js';
import { qualifierSegments } from './qualifier-segments.js';
import { readFields } from './read-fields.js';
import { refusal } from './refusal.js';
import { stateOf } from './state-of.js';
import { statusReached } from './status-reached.js';
import { contentWords } from './story-words.js';

export interface Qualifiers {
  readonly fields: FieldAsk[];
  readonly refusedFrom: string[];
  readonly owner?: string;
  readonly unused: string[];
  /** `to myself`, `for me`: the caller is the one the action is done for. */
  readonly toCaller: boolean;
  /** `that are open`, `which are in progress`: the states a list keeps. */
  readonly states: string[];
  /** `by status`, `by priority`: the field a list is filtered by. */
  readonly filterBy?: string;
  /** `with high priority` → `high`. */
  readonly filterValue?: string;
  /** After a list's participle, `to an agent`, `to my team`: whom the action was done to. */
  readonly doneTo?: readonly string[];
}

const CALLER = new Set(['myself', 'me', 'ourselves', 'us']);
/** Words naming the item's own identifier: every route on one item (`/entries/{id}`) already takes it. */
const IDENTIFIER = new Set(['id', 'identifier', 'uuid']);
/** `by its id`, `using the ID`, `with id`: identifies the one item acted on, as its route does. */
const CONNECTORS_OF_IDENTITY = new Set(['by', 'using', 'via', 'with']);

/**
 * What follows the object, one connector at a time: fields (`with`), refusals (`that has not shipped`),
 * owners (`for`/`by`). `by its id` on one item is what its route (`/entries/{id}`) does: used, not a gap.
 */
export function readQualifiers(
  words: readonly string[],
  params: {
    ownersAllowed: boolean;
    listing: boolean;
    doneTo: boolean;
    /** `assign a ticket to another agent` → `assignee`: the field `to …` names, given in the body. */
    recipientField?: string;
  },
): Qualifiers {
  const result: {
    fields: FieldAsk[];
    refusedFrom: string[];
    owner?: string;
    unused: string[];
    toCaller: boolean;
    states: string[];
    filterBy?: string;
    filterValue?: string;
    doneTo?: string[];
  } = {
    fields: [],
    refusedFrom: [],
    unused: [],
    toCaller: false,
    states: [],
  };
  for (const segment of qualifierSegments(words)) {
    const [connector, ...body] = segment;
    if (connector === 'so') break; // `so that ...` gives the reason, not a requirement
    const relative = ['that', 'which', 'unless', 'if'].includes(connector ?? '');
    const refused = relative ? refusal(segment) : undefined;
    const state = relative && refused === undefined && connector !== 'unless' ? stateOf(body) : undefined;
    // `by priority`; in a list, `with high priority` names the same filter.
    const filterBy =
      (connector === 'by' && body.length <= 2) || (params.listing && connector === 'with')
        ? (FILTER_FIELDS[contentWords(body).at(connector === 'by' ? 0 : -1) ?? ''] ??
          (connector === 'by' ? ownerAttribute(body) : undefined))
        : undefined;
    // `before it ships`, `until it is approved`: refused once the item is in that status.
    const until = connector === 'before' || connector === 'until' ? statusReached(body) : undefined;
    const owner =
      params.ownersAllowed && filterBy === undefined && (connector === 'for' || connector === 'by')
        ? ownerWord(body)
        : undefined;
    const byIdentity =
      !params.listing &&
      CONNECTORS_OF_IDENTITY.has(connector ?? '') &&
      contentWords(body).length === 1 &&
      IDENTIFIER.has(contentWords(body)[0] ?? '');
    if (byIdentity) continue;
    if (
      (connector === 'to' || connector === 'for' || connector === 'by') &&
      body.length === 1 &&
      CALLER.has(body[0] ?? '')
    )
      result.toCaller = true;
    else if (params.doneTo && connector === 'to' && result.doneTo === undefined) result.doneTo = body;
    else if (params.recipientField !== undefined && connector === 'to' && body.length > 0)
      result.fields.push({ name: params.recipientField, list: false, minItems: 0 });
    else if (params.listing && filterBy !== undefined && result.filterBy === undefined) {
      result.filterBy = filterBy;
      // `with high priority`: the value named before the field.
      const value = connector === 'with' ? contentWords(body).at(-2) : undefined;
      if (value !== undefined) result.filterValue = value;
    } else if (params.listing && state !== undefined) result.states.push(state);
    // A list is refused from nothing: `list tickets that are not closed` is a filter not generated.
    else if (params.listing && (refused !== undefined || until !== undefined)) result.unused.push(...segment);
    else if (connector === 'with') result.fields.push(...readFields(body));
    else if (refused !== undefined) result.refusedFrom.push(refused);
    else if (until !== undefined) result.refusedFrom.push(until);
    else if (owner !== undefined && result.owner === undefined) result.owner = owner;
    else result.unused.push(...segment);
  }
  return result;
}
