import { isPlural, singular } from '../../../naming/singular.js';
import type { StoryIntent } from '../../../naming/story-intent.js';
import { camel } from './camel.js';
import { markedState } from './marked-state.js';
import { doneTo, postParticiple } from './list-participle.js';
import { FILTER_FIELDS, namedFilter } from './named-filter.js';
import { statusReached } from './status-reached.js';
import { storyRestriction } from './story-restriction.js';
import { AUXILIARIES, contentWords, DETERMINERS, SELF } from './story-words.js';
import type { StoryRestriction } from './story-restriction.js';
import { parentPhrase } from './parent-phrase.js';
import { PHRASAL_VERBS, verbKind } from './verb-kind.js';
import type { VerbKind } from './verb-kind.js';

/** A field a story asks for (`with one or more items` → `items`, a list of at least one). */
export interface FieldAsk {
  /** camelCase, `[a-z][A-Za-z0-9]*`. */
  readonly name: string;
  readonly list: boolean;
  readonly minItems: number;
}

/** A story read as an operation on a resource, before resources are resolved. */
export interface ParsedStory {
  readonly intent: StoryIntent;
  readonly kind: VerbKind;
  /** The verb after phrasal verbs are read (`look at` → `view`); the transition's name. */
  readonly verb: string;
  /** The thing it is made on, singular (`comment on a ticket` → `ticket`): it must exist. */
  readonly parent?: string;
  /** For a story that names the state it sets (`mark a ticket in progress`): that status (`in_progress`). */
  readonly state?: string;
  /** Singular head noun (`order`); absent when the story names no object, or names the whole collection (`catalogue`). */
  readonly noun?: string;
  /** The object is the collection as a whole (`browse the catalogue`): the service's main resource. */
  readonly collective: boolean;
  /** Whose items (`a customer's orders` → `customer`; `my orders` → the story's role). */
  readonly owner?: string;
  /** The object's attribute the story is about (`the status of my order` → `status`). */
  readonly attribute?: string;
  /**
   * What a singular possessive object names, camelCase (`a product's stock level` → `stockLevel`):
   * the owner's attribute when the owner is a resource of the model and the noun is not.
   */
  readonly possessed?: string;
  readonly fields: readonly FieldAsk[];
  /** Statuses the action is refused from (`cancel an order that has not shipped` → `shipped`). */
  readonly refusedFrom: readonly string[];
  /** Words of the story that shaped nothing; the story is then only partly covered. */
  readonly unused: readonly string[];
  /** The owner came from `my`/`our`, which an API without an authorizer cannot enforce. */
  readonly ownerIsSelf: boolean;
  /**
   * The object follows `for` (`pay for an order`): a status transition only when the request lists
   * the status the verb names (`paid`); the model decides, knowing the description.
   */
  readonly objectAfterFor?: boolean;
  /** A delete of an item in a named state (`delete a closed ticket` → `closed`): refused in any other. */
  readonly onlyIn?: string;
  /** The action is done to the caller (`assign a ticket to myself`): the item records who called. */
  readonly toCaller?: boolean;
  /** A list of the items in one status (`list open tickets`, `list orders that are paid` → `open`, `paid`). */
  readonly stateFilter?: string;
  /** A list filtered by a field the caller gives (`list tickets by status` → `status`, `by priority` → `priority`). */
  readonly filterBy?: string;
  /** The value a list story named for its `filterBy` field (`list high priority tickets` → `high`). */
  readonly filterValue?: string;
  /**
   * A list of the items an action was done to for the caller (`list tickets assigned to me`): the
   * field recording the caller (`assignee`), which the list keeps equal to the caller.
   */
  readonly callerFilter?: string;
  /** `list tickets assigned to my team` → `my team`: a group of the caller's the service does not know. */
  readonly ownGroup?: string;
  /** Who may act (`As an admin …`), and any `only …` the routes cannot enforce. */
  readonly restriction: StoryRestriction;
}

/** Words that end the object phrase and start a qualifier. */
const CONNECTORS = new Set([
  'with',
  'that',
  'which',
  'who',
  'whose',
  'unless',
  'if',
  'once',
  'by',
  'for',
  'so',
  'in',
  'to',
  'from',
  'when',
  'via',
  'on',
  'using',
  'and',
  'or',
  'without',
  'after',
  'before',
  'at',
  'into',
  'within',
  'until',
  'per',
  'including',
  'while',
  'because',
  'as',
]);
/** Nouns naming the whole collection rather than a kind of item. */
const COLLECTIVE = new Set([
  'catalogue',
  'catalog',
  'inventory',
  'collection',
  'list',
  'history',
  'backlog',
  'feed',
  'everything',
  'all',
]);
const QUANTIFIERS = new Set([
  'one',
  'or',
  'more',
  'at',
  'least',
  'several',
  'many',
  'multiple',
  'some',
  'a',
  'an',
  'the',
  'optional',
  'optionally',
  'their',
  'its',
  'my',
  'our',
  'any',
  'two',
  'three',
]);
const ARTICLES = new Set(['a', 'an', 'the']);
const MANY = new Set(['more', 'several', 'many', 'multiple', 'some']);
/** Attribute words that are not the owner of a list (`list orders by status`). */
const NOT_OWNERS = new Set(['status', 'state', 'date', 'name', 'price', 'type', 'category', 'time', 'id']);

export function parseStory(intent: StoryIntent): ParsedStory {
  const words = joinedPrefix(intent.actionWords);
  const phrasal = PHRASAL_VERBS[`${words[0] ?? ''} ${words[1] ?? ''}`];
  const verb = phrasal === undefined ? (words[0] ?? 'handle') : (phrasal ?? words[0] ?? 'handle');
  const afterVerb = words.slice(phrasal === undefined ? 1 : 2);
  // `pay for an order`: a verb with no object of its own acts on what follows `for`.
  const objectAfterFor = verbKind(verb) === 'transition' && afterVerb[0] === 'for' && phrasal === undefined;
  const rest = objectAfterFor ? afterVerb.slice(1) : afterVerb;
  const end = rest.findIndex((word) => CONNECTORS.has(word));
  const baseKind = verbKind(verb);
  // `list tickets assigned to me`, `list orders shipped to a customer`: the participle after the noun
  // qualifies it (the action done to the items), it is not the noun.
  const listed = end === -1 ? rest : rest.slice(0, end);
  const after = baseKind === 'read' || baseKind === 'list' ? postParticiple(listed) : undefined;
  const phrase = after === undefined ? listed : listed.slice(0, -1);
  // Something sent to the role (`I am alerted when…`) names no resource to act on.
  const object =
    phrasal === null || intent.receives === true
      ? { collective: false, plural: false, ownerIsSelf: false }
      : readObject(phrase, baseKind === 'list');
  const tail = end === -1 || intent.receives === true ? [] : rest.slice(end);
  // `mark a ticket in progress`: a transition to the named state, unless an attribute is set (`set a ticket's priority to high`).
  const marked =
    object.attribute === undefined && object.possessed === undefined && object.owner === undefined
      ? markedState(verb, tail)
      : undefined;
  // `comment on a ticket`, `add a note to an order`: made under a parent, which must exist.
  const parent =
    marked === undefined && intent.receives !== true
      ? parentPhrase({
          verb,
          creates: baseKind === 'create',
          hasObject: object.noun !== undefined,
          qualifiers: tail,
        })
      : undefined;
  const used = marked?.used ?? parent?.used ?? 0;
  // `for`/`by` name an owner only when reading (`list orders for a customer`), not a reason (`cancel orders for fraud`).
  const kind: VerbKind =
    marked !== undefined
      ? 'transition'
      : parent !== undefined
        ? 'create'
        : baseKind === 'read' && (object.plural || object.collective)
          ? 'list'
          : baseKind;
  const listing = kind === 'list';
  const qualifiers = readQualifiers(tail.slice(used), {
    ownersAllowed: baseKind === 'read' || baseKind === 'list',
    listing,
    doneTo: listing && after !== undefined,
  });
  const done = listing && after !== undefined ? doneTo(after, qualifiers) : undefined;
  const named = listing ? namedFilter(phrase) : undefined;
  const onlyIn = baseKind === 'delete' && object.noun !== undefined ? stateBeforeNoun(phrase) : undefined;
  const selfOwned = object.ownerIsSelf || done?.ownerIsSelf === true;
  const owner = object.owner ?? qualifiers.owner ?? (selfOwned ? (intent.role.at(-1) ?? 'owner') : undefined);
  // `list open tickets`, `list orders that are paid`, `list orders shipped today`: the items in one status.
  const stateFilter = listing
    ? (stateModifier(phrase) ?? qualifiers.states[0] ?? done?.stateFilter)
    : undefined;
  const filterBy = qualifiers.filterBy ?? named?.field ?? done?.filterBy;
  const filterValue = qualifiers.filterBy === undefined ? named?.value : qualifiers.filterValue;
  // `list urgent tickets`, `list recent orders`: a qualifier no filter answers is said, not dropped.
  const qualifiersOfList = listing
    ? contentWords(phrase.filter((word) => word !== 's'))
        .slice(0, -1)
        .filter((word) => LIST_QUALIFIERS.has(word) && !named?.words.includes(word))
    : [];
  return {
    intent,
    kind,
    verb: marked?.action ?? verb,
    ...(marked === undefined ? {} : { state: marked.status }),
    ...(object.noun === undefined
      ? parent?.noun === undefined
        ? {}
        : { noun: parent.noun }
      : { noun: object.noun }),
    ...(parent === undefined ? {} : { parent: parent.parent }),
    collective: object.collective,
    ...(owner === undefined ? {} : { owner }),
    ...(object.attribute === undefined ? {} : { attribute: object.attribute }),
    ...(object.possessed === undefined ? {} : { possessed: object.possessed }),
    fields: qualifiers.fields,
    refusedFrom: qualifiers.refusedFrom,
    unused: [...qualifiersOfList, ...qualifiers.unused, ...(done?.unused ?? [])],
    ownerIsSelf: selfOwned && object.owner === undefined && qualifiers.owner === undefined,
    ...(objectAfterFor ? { objectAfterFor } : {}),
    ...(onlyIn === undefined ? {} : { onlyIn }),
    ...(qualifiers.toCaller && done === undefined ? { toCaller: true } : {}),
    ...(stateFilter === undefined ? {} : { stateFilter }),
    ...(filterBy === undefined ? {} : { filterBy }),
    ...(filterValue === undefined ? {} : { filterValue }),
    ...(done?.callerFilter === undefined ? {} : { callerFilter: done.callerFilter }),
    ...(done?.ownGroup === undefined ? {} : { ownGroup: done.ownGroup }),
    restriction: storyRestriction(intent),
  };
}

/** Words a request uses for a state an item is in before its noun (`a closed ticket`, `an open order`). */
const STATE_ADJECTIVES = new Set(['open', 'draft', 'pending', 'active', 'inactive', 'done', 'stale']);
/** More words for a state a list names before its noun (`unpaid invoices`, `overdue tasks`). */
const LIST_STATES = new Set([...STATE_ADJECTIVES, 'paid', 'unpaid', 'overdue', 'outstanding', 'sent', 'due']);
/**
 * Words that narrow a list by something other than a status or a field (`urgent`, `recent`, `top`):
 * no filter is made for them, so the story says they shaped nothing rather than count them covered.
 */
const LIST_QUALIFIERS = new Set([
  'urgent',
  'recent',
  'latest',
  'newest',
  'oldest',
  'old',
  'large',
  'small',
  'high',
  'low',
  'top',
  'late',
  'early',
  'important',
  'critical',
  'unread',
  'starred',
  'favourite',
  'favorite',
  'popular',
  'upcoming',
  'past',
  'expensive',
  'cheap',
]);
/** `list open tickets`, `list all paid orders`, `list a customer's unpaid invoices`: a state word among the words before the noun. */
function stateModifier(phrase: readonly string[]): string | undefined {
  const content = contentWords(phrase.filter((word) => word !== 's'));
  return content.slice(0, -1).find((word) => /^[a-z]+(?:ed|en)$/.test(word) || LIST_STATES.has(word));
}

/**
 * `delete a closed ticket`: the word before the object's noun names the state the item must be in.
 * Participles (`closed`, `cancelled`, `written`) and a few state adjectives count; other words are
 * part of the noun (`a line item`).
 */
function stateBeforeNoun(phrase: readonly string[]): string | undefined {
  const content = contentWords(phrase.filter((word) => word !== 's'));
  const before = content.at(-2);
  if (before === undefined || content.length < 2) return undefined;
  return /^[a-z]+(?:ed|en)$/.test(before) || STATE_ADJECTIVES.has(before) ? before : undefined;
}

interface ObjectPhrase {
  readonly noun?: string;
  readonly plural: boolean;
  readonly collective: boolean;
  readonly owner?: string;
  readonly attribute?: string;
  readonly possessed?: string;
  readonly ownerIsSelf: boolean;
}

/**
 * `the status of my order`, `a customer's orders`, `all open tickets`. When listing, `the products of
 * a warehouse` names products owned by a warehouse (not the warehouse's `products` attribute).
 */
function readObject(phrase: readonly string[], listing: boolean): ObjectPhrase {
  const of = phrase.lastIndexOf('of');
  const attribute = of === -1 ? undefined : contentWords(phrase.slice(0, of)).at(-1);
  const target = of === -1 ? phrase : phrase.slice(of + 1);
  const targetHead = contentWords(target.filter((word) => word !== 's')).at(-1);
  if (
    listing &&
    attribute !== undefined &&
    isPlural(attribute) &&
    targetHead !== undefined &&
    !isPlural(targetHead) &&
    !COLLECTIVE.has(targetHead)
  ) {
    return {
      noun: singular(attribute),
      plural: true,
      collective: false,
      owner: targetHead,
      ownerIsSelf: target.some((word) => SELF.has(word)),
    };
  }
  let owner: string | undefined;
  const kept: string[] = [];
  target.forEach((word, index) => {
    if (target[index + 1] === 's' && !DETERMINERS.has(word)) owner = word;
    else if (word !== 's') kept.push(word);
  });
  const ownerIsSelf = target.some((word) => SELF.has(word));
  const content = contentWords(kept);
  const head = content.at(-1);
  const collective = head !== undefined && COLLECTIVE.has(head);
  const possessed =
    owner !== undefined && head !== undefined && !isPlural(head) ? camel(content.slice(-2)) : undefined;
  return {
    ...(head === undefined || collective ? {} : { noun: singular(head) }),
    ...(possessed === undefined ? {} : { possessed }),
    plural: head !== undefined && (isPlural(head) || target.includes('all')),
    collective,
    ...(owner === undefined ? {} : { owner }),
    ...(attribute === undefined ? {} : { attribute: attributeName(contentWords(phrase.slice(0, of))) }),
    ownerIsSelf,
  };
}

/** `the status`, `the shipping address` → `status`, `shippingAddress`: a field is named by its last two words, as `with` names them. */
function attributeName(words: readonly string[]): string {
  const last = words.at(-1) ?? '';
  return ['status', 'state', 'progress'].includes(last) ? last : camel(words.slice(-2));
}

interface Qualifiers {
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

/** What follows the object, one connector at a time: fields (`with`), refusals (`that has not shipped`), owners (`for`/`by`). */
function readQualifiers(
  words: readonly string[],
  params: { ownersAllowed: boolean; listing: boolean; doneTo: boolean },
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
  for (const segment of segments(words)) {
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
    if (
      (connector === 'to' || connector === 'for' || connector === 'by') &&
      body.length === 1 &&
      CALLER.has(body[0] ?? '')
    )
      result.toCaller = true;
    else if (params.doneTo && connector === 'to' && result.doneTo === undefined) result.doneTo = body;
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

/**
 * `re-open`, `un-archive`: the hyphen split the prefix from its verb (`re`, `open`); read as one
 * verb (`reopen`), as the unhyphenated spelling is.
 */
function joinedPrefix(words: readonly string[]): string[] {
  const [first, second, ...rest] = words;
  return (first === 're' || first === 'un') && second !== undefined
    ? [`${first}${second}`, ...rest]
    : [...words];
}

/** Splits at connectors, keeping `one or more` and `a and b` inside a `with` list together. */
function segments(words: readonly string[]): string[][] {
  const found: string[][] = [];
  for (const word of words) {
    const current = found.at(-1);
    const joins = current !== undefined && current[0] === 'with' && ['and', 'or', 'at'].includes(word);
    // `that is not in progress`: `in` is part of the state a refusal names.
    const state =
      current !== undefined &&
      ['that', 'which', 'unless', 'if'].includes(current[0] ?? '') &&
      (word === 'in' || word === 'on') &&
      (current.at(-1) === 'not' || AUXILIARIES.has(current.at(-1) ?? ''));
    if (CONNECTORS.has(word) && !joins && !state && !(word === 'that' && current?.[0] === 'so'))
      found.push([word]);
    else if (current === undefined) found.push([word]);
    else current.push(word);
  }
  return found;
}

/**
 * `with a title and a priority`, `with a sku, a name, a quantity and a reorder threshold` (commas are
 * gone from the words, so an article after a named field starts the next one).
 */
export function readFields(words: readonly string[]): FieldAsk[] {
  const parts: string[][] = [[]];
  for (const word of words) {
    const current = parts.at(-1) ?? [];
    const named = current.some((candidate) => !QUANTIFIERS.has(candidate) && !/^\d+$/.test(candidate));
    if (word === 'and') parts.push([]);
    else if (ARTICLES.has(word) && named) parts.push([word]);
    else current.push(word);
  }
  return parts.flatMap((part) => {
    const content = part.filter((word) => !QUANTIFIERS.has(word) && !/^\d+$/.test(word));
    const head = content.at(-1);
    if (head === undefined) return [];
    const many = part.some((word) => MANY.has(word)) || isPlural(head);
    const least = part.indexOf('least');
    const minimum = least === -1 ? undefined : countWord(part[least + 1]);
    const name = camel([...content.slice(-2, -1), many ? head : singular(head)]);
    return [{ name, list: many, minItems: many ? Math.max(minimum ?? 1, 1) : 0 }];
  });
}

/** `are open`, `is in progress` (no negation) → the state named (`open`, `in_progress`). */
function stateOf(body: readonly string[]): string | undefined {
  const words = body.filter((word) => !AUXILIARIES.has(word));
  const [first, second] = words;
  if ((first === 'in' || first === 'on') && second !== undefined && words.length === 2)
    return `${first}_${second}`;
  return words.length === 1 &&
    first !== undefined &&
    (/^[a-z]+(?:ed|en)$/.test(first) || LIST_STATES.has(first))
    ? first
    : undefined;
}

/** `that has not shipped`, `unless it was paid` → the status the action is refused from. */
function refusal(segment: readonly string[]): string | undefined {
  const negated = segment.indexOf('not');
  const from = segment[0] === 'unless' ? 1 : negated === -1 ? -1 : negated + 1;
  if (from === -1) return undefined;
  const words = segment.slice(from).filter((word) => !AUXILIARIES.has(word) && word !== 'not');
  // `that is not in progress` names the state `in_progress`.
  const [first, second] = words;
  return (first === 'in' || first === 'on') && second !== undefined ? `${first}_${second}` : first;
}

function ownerWord(words: readonly string[]): string | undefined {
  const content = contentWords(words.filter((candidate) => candidate !== 's'));
  const word = content.at(0);
  // `by customer email` names the customer's email, a value to match, not whose the items are.
  if (content.length > 1 && OWNER_ATTRIBUTES.has(content.at(-1) ?? '')) return undefined;
  return word === undefined || NOT_OWNERS.has(word) ? undefined : singular(word);
}

/** `by customer email` → `customerEmail`: the field an owner's attribute names; undefined for other phrases. */
function ownerAttribute(words: readonly string[]): string | undefined {
  const content = contentWords(words.filter((candidate) => candidate !== 's'));
  return content.length === 2 && OWNER_ATTRIBUTES.has(content[1] ?? '') ? camel(content) : undefined;
}

/** Words naming something an owner has (`customer email`, `account number`), so the phrase is not the owner. */
const OWNER_ATTRIBUTES = new Set(['email', 'phone', 'name', 'address', 'number', 'reference', 'code']);

function countWord(word: string | undefined): number | undefined {
  const words: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3 };
  if (word === undefined) return undefined;
  return words[word] ?? (/^\d+$/.test(word) ? Math.min(Number(word), 100) : undefined);
}

export { camel } from './camel.js';
