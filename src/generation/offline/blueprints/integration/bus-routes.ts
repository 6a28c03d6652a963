import type { IntegrationAsks } from './integration-asks.js';

/**
 * The message types the source bus's rule sends to the queue: those the request consumes from it
 * (`Consume OrderPlaced events from the orders bus`), else every type the consumer handles; none
 * without a source bus. Types are `[A-Za-z0-9-]` message types.
 */
export function consumedTypes(asks: IntegrationAsks, types: readonly string[]): string[] {
  if (asks.sourceBus === undefined) return [];
  const named = types.filter((type) => asks.sourceBus?.types.includes(type));
  return named.length > 0 ? named : [...types];
}

/**
 * What the consumer puts on the publish bus (EventBusName) for one message type, as event types:
 * a type it does not consume becomes the same event (a producer's message); a consumed event becomes
 * the types the request publishes (`Publish a FulfilmentRequested event … for each order`) when it is
 * the only type consumed — with several, which one leads to which is not known, so none — else
 * itself, but never back onto the bus it came from. Empty when nothing is published.
 */
export function publishedFor(asks: IntegrationAsks, types: readonly string[], type: string): string[] {
  if (asks.eventBus === undefined) return [];
  const consumed = consumedTypes(asks, types);
  if (!consumed.includes(type)) return [type];
  const others = types.filter((other) => !consumed.includes(other));
  if (others.length > 0) return consumed.length === 1 ? others : [];
  return asks.eventBus === asks.sourceBus?.name ? [] : [type];
}
