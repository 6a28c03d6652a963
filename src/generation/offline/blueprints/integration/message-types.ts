import { defaultIntents } from '../../naming/default-intents.js';
import { pascalNames } from '../../naming/description-sentences.js';
import type { DescriptionClause } from '../../naming/description-sentences.js';
import type { ServiceNames } from '../../naming/service-names.js';
import type { StoryIntent } from '../../naming/story-intent.js';
import { wordsOf } from '../../naming/words-of.js';
import type { IntegrationAsks } from './integration-asks.js';
import { conditionType } from './condition-type.js';
import { eventTypesAsked } from './event-types-asked.js';
import { isNotificationStory } from './notification-story.js';
import { isScheduledStory } from './scheduled-story.js';
import { isViewStory } from './view-story.js';
import { PROVIDER_EVENT_TYPES, providerEventTypesIn } from './provider-event-types.js';
import type { DeliveryAction, ProviderEventType } from './provider-event-types.js';

/** A message type the consumer handles, and the story (if any) that asked for it. */
export interface StoryMessage {
  readonly intent?: StoryIntent;
  /** `[A-Za-z0-9-]`: `PaymentSettled` from the request's event names, else `settle-payment` from a story. */
  readonly messageType: string;
  /**
   * The named provider's own event types that are this message (Stripe's `payment_intent.succeeded`
   * for PaymentSucceeded). Empty when the provider's names are known and none fits: no delivery is
   * ever of this type. Absent when no provider with known event names was named.
   */
  readonly deliveryTypes?: readonly string[];
  /**
   * When the provider sends one event for many actions (GitHub's `pull_request`): the action (and
   * payload fields) of each of deliveryTypes that is this message; other actions are not it.
   */
  readonly deliveryActions?: readonly (DeliveryAction & { readonly event: string })[];
}

/**
 * The consumer's message types: the event types the request named when it named some (stories
 * then map to the types whose words they hold: "a payment settled" → PaymentSettled); else, for a
 * provider whose event names are known, the provider's events the stories and description ask for by
 * their words ("a payment succeeded" → PaymentIntentSucceeded, delivered as payment_intent.succeeded);
 * else one per story from its verb and object, else a default. Each message of a known provider
 * carries the provider's event types that are it.
 */
export function storyMessages(params: {
  stories: readonly StoryIntent[];
  names: ServiceNames;
  asks: IntegrationAsks;
  /** The description's clauses: where events are also named (`for payment succeeded events`), and what a named one is. */
  clauses: readonly DescriptionClause[];
  /** The same clauses by sentence: a condition in one clause (`When a PR is merged,`) binds a type the next names. */
  sentences?: readonly { readonly clauses: readonly DescriptionClause[] }[];
}): StoryMessage[] {
  const { stories, asks } = params;
  const catalogue = asks.provider === undefined ? undefined : PROVIDER_EVENT_TYPES[asks.provider.name];
  const delivered = (words: readonly string[]) =>
    catalogue === undefined ? {} : deliveredAs(eventTypesAsked(words, catalogue));
  if (asks.eventTypes.length > 0) {
    const named = asks.eventTypes.map((messageType): StoryMessage => {
      const intent = stories.find((story) =>
        typeWords(messageType).every((word) => stems(story.text).includes(word)),
      );
      return {
        ...(intent === undefined ? {} : { intent }),
        messageType,
        ...(catalogue === undefined
          ? {}
          : deliveredAs(
              namedTypeDeliveries({
                messageType,
                clauses: params.clauses,
                sentences: params.sentences ?? [],
                stories,
                catalogue,
              }),
            )),
      };
    });
    const own = ownEvents({ stories, named, catalogue });
    return [...named, ...own, ...conditionEvents({ stories, taken: [...named, ...own], catalogue })];
  }
  if (catalogue !== undefined) {
    const asked = [
      ...stories.flatMap((intent) =>
        eventTypesAsked(intent.actionWords, catalogue).map((type) => ({ intent, type })),
      ),
      ...params.clauses.flatMap((clause) =>
        eventTypesAsked(clause.words, catalogue).map((type) => ({ type })),
      ),
    ];
    const messages = uniqueByType(asked);
    if (messages.length > 0) return messages;
  }
  // A story asking for a person to be told is a notification, not a message anyone sends the
  // consumer; one run on a schedule (`download the CSV every Monday`) is a job, and one that looks at
  // something (`I see every payment in the ledger`) a read, not a message either.
  const handled = stories.filter(
    (story) => !isNotificationStory(story) && !isScheduledStory(story) && !isViewStory(story),
  );
  const intents = handled.length > 0 ? handled : defaultIntents(params.names, ['record']);
  return intents.map((intent) => ({
    intent,
    // `I receive an event when an order is paid`: the happening is OrderPaid, not the verb `receive`.
    messageType: conditionType(intent.actionWords) ?? [intent.verb, ...intent.objectWords].join('-'),
    ...delivered(intent.actionWords),
  }));
}

/**
 * The provider's event types a named message type is: those the clause (or story) naming it, and
 * only it, describes (`a PaymentSettled event … when a payment intent succeeds` is
 * payment_intent.succeeded; `a PullRequestClosed event when a pull request is closed without being
 * merged` is a closed, unmerged pull_request), else those its own words spell (`PaymentIntentSucceeded`).
 */
function namedTypeDeliveries(params: {
  messageType: string;
  clauses: readonly DescriptionClause[];
  sentences: readonly { readonly clauses: readonly DescriptionClause[] }[];
  stories: readonly StoryIntent[];
  catalogue: readonly ProviderEventType[];
}): ProviderEventType[] {
  const { messageType, catalogue } = params;
  const namesOnly = (text: { readonly names: readonly string[] }) =>
    text.names.length === 1 && text.names[0] === messageType;
  const naming = [
    ...params.clauses,
    ...params.stories.map((story) => ({ words: story.actionWords, names: pascalNames(story.text) })),
  ].filter(namesOnly);
  const described = naming.flatMap((text) => eventTypesAsked(text.words, catalogue));
  if (described.length > 0) return described;
  // `When a pull request is merged, publish a DeployRequested event`: the condition is the clause of
  // the sentence that names no type, when the sentence names only this one.
  const conditioned = params.sentences
    .filter((sentence) => sentence.clauses.some(namesOnly))
    .filter((sentence) => sentence.clauses.every((clause) => clause.names.length === 0 || namesOnly(clause)))
    .flatMap((sentence) =>
      sentence.clauses
        .filter((clause) => clause.names.length === 0)
        .flatMap((clause) => eventTypesAsked(clause.words, catalogue)),
    );
  return conditioned.length > 0 ? conditioned : providerEventTypesIn(splitType(messageType), catalogue);
}

/** The provider's types as a message's deliveryTypes, with the actions of those that are one action of an event. */
function deliveredAs(
  types: readonly ProviderEventType[],
): Pick<StoryMessage, 'deliveryTypes' | 'deliveryActions'> {
  const actions = types.flatMap((type) =>
    type.action === undefined ? [] : [{ ...type.action, event: type.deliveryType }],
  );
  return {
    deliveryTypes: [...new Set(types.map((type) => type.deliveryType))],
    ...(actions.length === 0 ? {} : { deliveryActions: actions }),
  };
}

/**
 * One message per provider event type, named from it (`payment_intent.succeeded` →
 * PaymentIntentSucceeded, GitHub's merged `pull_request` → PullRequestMerged), with its first asking story.
 */
function uniqueByType(asked: readonly { intent?: StoryIntent; type: ProviderEventType }[]): StoryMessage[] {
  const byType = new Map<string, StoryMessage>();
  for (const { intent, type } of asked) {
    const name = type.action?.name ?? type.deliveryType;
    if (byType.has(name)) continue;
    const messageType = wordsOf(name)
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join('');
    byType.set(name, {
      ...(intent === undefined ? {} : { intent }),
      messageType,
      ...deliveredAs([type]),
    });
  }
  return [...byType.values()];
}

/** Each event action a message takes, with the message type: what the receiver matches first. */
export function deliveryActionList(
  messages: readonly StoryMessage[],
): (DeliveryAction & { readonly event: string; readonly type: string })[] {
  const entries = messages.flatMap((message) =>
    (message.deliveryActions ?? []).map((entry) => ({ ...entry, type: message.messageType })),
  );
  return entries.filter(
    (entry, index) =>
      entries.findIndex((other) => other.name === entry.name && other.type === entry.type) === index,
  );
}

export function distinctMessageTypes(messages: readonly StoryMessage[]): string[] {
  return [...new Set(messages.map((message) => message.messageType))];
}

/**
 * The provider's event types mapped to message types: what the receiver reads before guessing by
 * name. An event a message takes only some actions of is in deliveryActionList instead.
 */
export function deliveryTypeMap(messages: readonly StoryMessage[]): [string, string][] {
  const pairs = messages.flatMap((message) =>
    (message.deliveryTypes ?? [])
      .filter(
        (deliveryType) => !(message.deliveryActions ?? []).some((entry) => entry.event === deliveryType),
      )
      .map((deliveryType): [string, string] => [deliveryType, message.messageType]),
  );
  return pairs.filter(
    ([deliveryType], index) => pairs.findIndex(([other]) => other === deliveryType) === index,
  );
}

/** `PaymentSettled` → `payment`, `settl`: the stems a story must hold to ask for it. */
export function typeWords(type: string): string[] {
  return stems(splitType(type).join(' '));
}

/** `PullRequestEvent` → pull, request, event; `payment.settled` → payment, settled. */
function splitType(type: string): string[] {
  return wordsOf(type.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
}

function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((word) => word.replace(/(?:ed|es|e|s)$/, ''));
}

/**
 * Beside the named types, the provider's events a story asks for in words that no named type is
 * (`As finance I see every refund that is created` → refund.created beside a named PaymentSettled):
 * a story's event is not lost because the description named another.
 */
function ownEvents(params: {
  stories: readonly StoryIntent[];
  named: readonly StoryMessage[];
  catalogue: readonly ProviderEventType[] | undefined;
}): StoryMessage[] {
  const { catalogue, named } = params;
  if (catalogue === undefined) return [];
  const taken = new Set(
    named.flatMap((message) => [
      ...(message.deliveryTypes ?? []).filter(
        (type) => !(message.deliveryActions ?? []).some((entry) => entry.event === type),
      ),
      ...(message.deliveryActions ?? []).map((entry) => entry.name),
    ]),
  );
  const asked = params.stories
    .filter((intent) => !named.some((message) => message.intent === intent))
    .flatMap((intent) =>
      eventTypesAsked(intent.actionWords, catalogue)
        .filter((type) => !taken.has(type.action?.name ?? type.deliveryType) && !taken.has(type.deliveryType))
        .map((type) => ({ intent, type })),
    );
  const names = new Set(named.map((message) => message.messageType));
  return uniqueByType(asked).filter((message) => !names.has(message.messageType));
}

/**
 * Beside the named types, when no provider's event names are known, the happening a story's own
 * condition names (`I receive an event when a parcel is delivered` → ParcelDelivered beside a
 * named ShipmentUpdated): a story asking for its own event is not met by another type.
 */
function conditionEvents(params: {
  stories: readonly StoryIntent[];
  taken: readonly StoryMessage[];
  catalogue: readonly ProviderEventType[] | undefined;
}): StoryMessage[] {
  if (params.catalogue !== undefined) return [];
  const names = new Set(params.taken.map((message) => message.messageType));
  const found: StoryMessage[] = [];
  for (const intent of params.stories) {
    if (params.taken.some((message) => message.intent === intent) || isNotificationStory(intent)) continue;
    const messageType = conditionType(intent.actionWords);
    if (messageType === undefined || names.has(messageType)) continue;
    names.add(messageType);
    found.push({ intent, messageType });
  }
  return found;
}
