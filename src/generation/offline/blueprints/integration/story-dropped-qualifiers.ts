import type { StoryIntent } from '../../naming/story-intent.js';
import { branchOnly } from './branch-filters.js';
import { droppedQualifiers } from './dropped-qualifiers.js';
import { GITHUB_ACTION_EVENTS } from './github-event-types.js';
import type { IntegrationAsks } from './integration-asks.js';
import type { StoryMessage } from './message-types.js';
import { conditionsOf, PROVIDER_EVENT_TYPES, providerEventTypesIn } from './provider-event-types.js';

/**
 * `when a deployment is rolled back`, answered by every `deployment` delivery: the words of the
 * story's condition that its whole events do not single out (events that carry an action say so in
 * their own gap).
 */
export function storyDroppedQualifiers(params: {
  intent: StoryIntent;
  messages: readonly StoryMessage[];
  asks: IntegrationAsks;
}): string[] {
  const catalogue =
    params.asks.provider === undefined ? [] : (PROVIDER_EVENT_TYPES[params.asks.provider.name] ?? []);
  return params.messages
    .filter((message) => message.intent === params.intent)
    .flatMap((message) => {
      const whole = (message.deliveryTypes ?? []).filter(
        (name) =>
          !GITHUB_ACTION_EVENTS.has(name) &&
          !(message.deliveryActions ?? []).some((entry) => entry.event === name && !branchOnly(entry)),
      );
      const types = catalogue.filter(
        (type) => type.action === undefined && whole.includes(type.deliveryType),
      );
      // Only the condition that asks for these types: `… and when a refund is issued` drops nothing of a payment.
      const own = conditionsOf(params.intent.actionWords).filter(
        (condition) => providerEventTypesIn(condition, types).length > 0,
      );
      const words = own.length === 0 ? params.intent.actionWords : own.flat();
      const dropped = droppedQualifiers({ words, whole: types });
      return dropped.length === 0
        ? []
        : [
            `"${dropped.join(' ')}" is not singled out: every \`${whole.join('`, `')}\` delivery becomes ${message.messageType}, whatever happened in it`,
          ];
    });
}
