import { defaultIntents } from '../../naming/default-intents.js';
import type { ServiceNames } from '../../naming/service-names.js';
import type { StoryIntent } from '../../naming/story-intent.js';

/** A story (or a default) and the message type its consumer handles, e.g. `place-order`. */
export interface StoryMessage {
  readonly intent: StoryIntent;
  /** `[a-z0-9-]`. */
  readonly messageType: string;
}

export function storyMessages(stories: readonly StoryIntent[], names: ServiceNames): StoryMessage[] {
  const intents = stories.length > 0 ? stories : defaultIntents(names, ['record']);
  return intents.map((intent) => ({ intent, messageType: [intent.verb, ...intent.objectWords].join('-') }));
}

export function distinctMessageTypes(messages: readonly StoryMessage[]): string[] {
  return [...new Set(messages.map((message) => message.messageType))];
}
