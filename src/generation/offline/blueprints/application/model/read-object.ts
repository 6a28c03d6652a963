import { isPlural, singular } from '../../../naming/singular.js';
import { camel } from './camel.js';
import { contentWords, DETERMINERS, SELF } from './story-words.js';

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

/** Words naming a share of the object, not one of its fields (`redeem part of a gift card`). */
const PORTIONS = new Set(['part', 'portion', 'some', 'half', 'fraction', 'share']);

export interface ObjectPhrase {
  readonly noun?: string;
  readonly plural: boolean;
  readonly collective: boolean;
  readonly owner?: string;
  readonly attribute?: string;
  /** `part of a gift card` → `part`: the story acts on a share of the object, an amount not read. */
  readonly portion?: string;
  readonly possessed?: string;
  readonly ownerIsSelf: boolean;
  /**
   * `a pick list`, `the price list`: the word before a collection word and that word (`['pick',
   * 'list']`), which may be a countable compound the model reads as a resource (countable-collection.ts).
   */
  readonly collection?: readonly [modifier: string, head: string];
}

/**
 * `the status of my order`, `a customer's orders`, `all open tickets`. When listing, `the products of
 * a warehouse` names products owned by a warehouse (not the warehouse's `products` attribute).
 * `part of a gift card` names the card and the share (`portion`), not a `part` field.
 */
export function readObject(phrase: readonly string[], listing: boolean): ObjectPhrase {
  const of = phrase.lastIndexOf('of');
  const before = of === -1 ? undefined : contentWords(phrase.slice(0, of)).at(-1);
  // `some of a card`: a quantifier the content words drop, so the word itself is read.
  const share = of === -1 ? undefined : (before ?? phrase[of - 1]);
  const portion = share !== undefined && PORTIONS.has(share) ? share : undefined;
  const attribute = portion === undefined ? before : undefined;
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
  const modifier = collective ? content.at(-2) : undefined;
  const possessed =
    owner !== undefined && head !== undefined && !isPlural(head) ? camel(content.slice(-2)) : undefined;
  return {
    ...(head === undefined || collective ? {} : { noun: singular(head) }),
    ...(possessed === undefined ? {} : { possessed }),
    plural: head !== undefined && (isPlural(head) || target.includes('all')),
    collective,
    ...(owner === undefined ? {} : { owner }),
    ...(attribute === undefined ? {} : { attribute: attributeName(contentWords(phrase.slice(0, of))) }),
    ...(portion === undefined ? {} : { portion }),
    ...(modifier === undefined || head === undefined ? {} : { collection: [modifier, head] as const }),
    ownerIsSelf,
  };
}

/** `the status`, `the shipping address` → `status`, `shippingAddress`: a field is named by its last two words, as `with` names them. */
function attributeName(words: readonly string[]): string {
  const last = words.at(-1) ?? '';
  return ['status', 'state', 'progress'].includes(last) ? last : camel(words.slice(-2));
}
