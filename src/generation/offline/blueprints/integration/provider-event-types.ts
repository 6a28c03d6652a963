import { BUILDKITE_EVENT_TYPES } from './buildkite-event-types.js';
import { GITHUB_EVENT_TYPES } from './github-event-types.js';
import { STRIPE_EVENT_TYPES } from './stripe-event-types.js';

/**
 * A provider's real event type, and the words a request uses for it: `payment succeeded` is what
 * Stripe delivers as `payment_intent.succeeded`. Each word lists its forms (`succeed`, `succeeded`).
 */
export interface ProviderEventType {
  /** As deliveries carry it: Stripe's body `type`, GitHub's `X-GitHub-Event` header. */
  readonly deliveryType: string;
  /** Each inner list is the forms of one word; a text asks for the type when it holds one form of every word. */
  readonly words: readonly (readonly string[])[];
  /**
   * Words the text must hold negated (`without being merged`, `not planned`, `unmerged`): each inner
   * list is the forms of one word. A word the text holds only negated never asks for a type by `words`.
   */
  readonly negated?: readonly (readonly string[])[];
  /**
   * For a sender that delivers one event for many actions (GitHub's `pull_request`: opened, closed…):
   * the body's `action` this type is, and payload fields it must hold (`pull_request.merged`: true).
   */
  readonly action?: DeliveryAction;
}

/** Payload values a delivery must hold, by dotted path: one value, or one of several (`['failure', 'error']`). */
export type DeliveryWhere = Readonly<Record<string, boolean | string | readonly string[]>>;

/**
 * The deliveries of one event that are one type: `pull_request` with action `closed` and
 * `pull_request.merged` true; `create` (which carries no action) with `ref_type` `tag`.
 */
export interface DeliveryAction {
  /** The body's `action`; absent for an event whose body has none (`create`, `push`). */
  readonly action?: string;
  /** Dotted paths into the body and the value (or one of the values) each must have. */
  readonly where?: DeliveryWhere;
  /** What the sender documents it does not deliver (`create` is not sent for more than three tags at once). */
  readonly limit?: string;
  /** The type's name, dotted like the event (`pull_request.merged`): what the message type is named from. */
  readonly name: string;
}

/** Catalogues by provider name, for the providers whose event names are known. */
export const PROVIDER_EVENT_TYPES: Readonly<Record<string, readonly ProviderEventType[]>> = {
  Stripe: STRIPE_EVENT_TYPES,
  GitHub: GITHUB_EVENT_TYPES,
  Buildkite: BUILDKITE_EVENT_TYPES,
};

/** Words after which the next two are negated: `without being merged`, `not planned`, `isn't merged` (`isn`, `t`). */
const NEGATORS = new Set(['not', 'without', 'never', 'no', 't', 'nor']);
const NEGATED_SPAN = 2;

/**
 * A text's words as asked and as negated: `closed without being merged` asks for closed and negates
 * being and merged; `unmerged` negates merged. Words are lowercase, split as `words-of` splits them.
 */
function polarity(words: readonly string[]): { asked: Set<string>; negated: Set<string> } {
  const asked = new Set<string>();
  const negated = new Set<string>();
  let negating = 0;
  for (const word of words) {
    if (NEGATORS.has(word)) {
      negating = NEGATED_SPAN;
      continue;
    }
    if (negating > 0) {
      negated.add(word);
      negating -= 1;
      continue;
    }
    asked.add(word);
    if (/^un[a-z]{4,}$/.test(word)) negated.add(word.slice(2));
  }
  return { asked, negated };
}

/**
 * The provider's event types a text asks for: those whose every word it holds (and every `negated`
 * word it holds negated), without those a more specific match contains (`invoice payment failed` is
 * invoice.payment_failed, not also payment_intent.payment_failed; `closed without being merged` is
 * not also every closed pull request). Words are lowercase, split as `words-of` splits them.
 */
export function providerEventTypesIn(
  words: readonly string[],
  catalogue: readonly ProviderEventType[],
): ProviderEventType[] {
  const found = conditionsOf(words).flatMap((condition) => typesIn(condition, catalogue));
  const key = (type: ProviderEventType) => type.action?.name ?? type.deliveryType;
  return found.filter((type, index) => found.findIndex((other) => key(other) === key(type)) === index);
}

/** Words that start a condition of their own (`… when a payment succeeds and when a refund is issued`). */
const CONDITION_LEADS = new Set(['when', 'whenever', 'if', 'once', 'after']);
const JOINED_LEADS = new Set([...CONDITION_LEADS, 'a', 'an', 'the', 'any', 'every', 'each']);

/**
 * The conditions a text joins: split before `when`, `if`, `once`…, and at `and`/`or` that start
 * another (`and when a refund is issued`, `or a refund is created`), so the words of one event never
 * pair with another's (`payment` with `issued`). `opened or closed` stays one condition.
 */
export function conditionsOf(words: readonly string[]): string[][] {
  const conditions: string[][] = [[]];
  words.forEach((word, at) => {
    const joins = (word === 'and' || word === 'or') && JOINED_LEADS.has(words[at + 1] ?? '');
    if (joins) conditions.push([]);
    else if (CONDITION_LEADS.has(word)) conditions.push([word]);
    else conditions.at(-1)?.push(word);
  });
  return conditions.filter((condition) => condition.length > 0);
}

function typesIn(words: readonly string[], catalogue: readonly ProviderEventType[]): ProviderEventType[] {
  const { asked, negated } = polarity(words);
  const holds = (set: Set<string>, groups: readonly (readonly string[])[] | undefined) =>
    (groups ?? []).every((alternatives) => alternatives.some((form) => set.has(form)));
  const matched = catalogue.filter((type) => holds(asked, type.words) && holds(negated, type.negated));
  const groups = (type: ProviderEventType) => [...type.words, ...(type.negated ?? [])];
  const within = (type: ProviderEventType, other: ProviderEventType) =>
    groups(type).every((word) => groups(other).some((wider) => word.some((form) => wider.includes(form))));
  const specific = matched.filter(
    (type) => !matched.some((other) => groups(other).length > groups(type).length && within(type, other)),
  );
  return specific;
}
