import { singular } from '../../../naming/singular.js';

/** A story that makes something on another thing (`comment on a ticket`): what it makes and under what. */
export interface ParentPhrase {
  /** The child noun, singular (`comment`); absent when the story's object names it. */
  readonly noun?: string;
  /** The parent noun, singular (`ticket`). */
  readonly parent: string;
  /** How many of the qualifier words the parent phrase used. */
  readonly used: number;
}

/** Verbs that name the thing they make (`comment on a ticket` makes a comment). */
const NOUN_VERBS: Readonly<Record<string, string>> = {
  comment: 'comment',
  reply: 'reply',
  respond: 'response',
  vote: 'vote',
  rate: 'rating',
  annotate: 'annotation',
  bid: 'bid',
  react: 'reaction',
};
/**
 * Nouns naming the whole store the service keeps (`add a book to the catalogue`): the service itself,
 * not an item other items are made under. (`a list`, `a collection` can be items of their own.)
 */
const WHOLE_SERVICE = new Set(['catalogue', 'catalog', 'inventory']);
const PARENT_CONNECTORS = new Set(['on', 'to', 'under']);
/** Verbs that put their object on something (`add a note to an order`), unlike `send an order to a customer`. */
const ATTACHING = new Set([
  'add',
  'attach',
  'post',
  'append',
  'leave',
  'write',
  'log',
  'record',
  'pin',
  'upload',
]);
const SKIPPED = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'their',
  'its',
  'this',
  'that',
  'each',
  'any',
  'existing',
  'one',
]);
const ENDS = new Set([
  'so',
  'that',
  'which',
  'when',
  'if',
  'with',
  'for',
  'by',
  'and',
  'or',
  'in',
  'from',
  'to',
  'on',
]);

/**
 * Reads the parent a created thing belongs to: `comment on a ticket` (the verb names the child),
 * `add a note to an order`, `post a reply under a thread` (the object names it). `qualifiers` are the
 * words after the object, starting at their connector. Undefined when no parent is named.
 */
export function parentPhrase(params: {
  verb: string;
  creates: boolean;
  hasObject: boolean;
  qualifiers: readonly string[];
}): ParentPhrase | undefined {
  const { qualifiers } = params;
  const child = params.hasObject ? undefined : NOUN_VERBS[params.verb];
  if (child === undefined && !(params.creates && params.hasObject && ATTACHING.has(params.verb)))
    return undefined;
  const [connector = ''] = qualifiers;
  if (!PARENT_CONNECTORS.has(connector)) return undefined;
  const after = qualifiers.slice(1);
  const end = after.findIndex((word, index) => index > 0 && ENDS.has(word));
  const words = end === -1 ? after : after.slice(0, end);
  // `add a product to my basket`: the role's own basket has no id a route could name.
  if (words.some((word) => word === 'my' || word === 'our')) return undefined;
  const phrase = words.filter((word) => !SKIPPED.has(word) && word !== 's');
  const head = phrase.at(-1);
  if (head === undefined || !/^[a-z]+$/.test(head) || WHOLE_SERVICE.has(head)) return undefined;
  return {
    ...(child === undefined ? {} : { noun: child }),
    parent: singular(head),
    used: 1 + (end === -1 ? after.length : end),
  };
}
