import { defaultIntents } from '../../naming/default-intents.js';
import type { ServiceNames } from '../../naming/service-names.js';
import type { StoryIntent } from '../../naming/story-intent.js';
import type { IntegrationAsks } from './integration-asks.js';

/** A message type the consumer handles, and the story (if any) that asked for it. */
export interface StoryMessage {
  readonly intent?: StoryIntent;
  /** `[A-Za-z0-9-]`: `PaymentSettled` from the request's event names, else `settle-payment` from a story. */
  readonly messageType: string;
}

/**
 * The consumer's message types: the event types the request named when it named some (stories
 * then map to the types whose words they hold: "a payment settled" → PaymentSettled), else one per
 * story from its verb and object, else a default.
 */
export function storyMessages(
  stories: readonly StoryIntent[],
  names: ServiceNames,
  asks: IntegrationAsks,
): StoryMessage[] {
  if (asks.eventTypes.length > 0) {
    return asks.eventTypes.map((messageType) => {
      const intent = stories.find((story) =>
        typeWords(messageType).every((word) => stems(story.text).includes(word)),
      );
      return { ...(intent === undefined ? {} : { intent }), messageType };
    });
  }
  const intents = stories.length > 0 ? stories : defaultIntents(names, ['record']);
  return intents.map((intent) => ({ intent, messageType: [intent.verb, ...intent.objectWords].join('-') }));
}

export function distinctMessageTypes(messages: readonly StoryMessage[]): string[] {
  return [...new Set(messages.map((message) => message.messageType))];
}

/** `PaymentSettled` → `payment`, `settl`: the stems a story must hold to ask for it. */
export function typeWords(type: string): string[] {
  return stems(type.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
}

function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((word) => word.replace(/(?:ed|es|e|s)$/, ''));
}
