import type { IntegrationAsks } from './integration-asks.js';
import { withIndefiniteArticle } from '../../../../core/text/indefinite-article.js';
import { dotted } from './message-type-words.js';

/**
 * Limits that hold for every message type alike, written once naming them all, so a row that
 * several types answer says each limit once: types taken only by their spelling, and handlers
 * that only record a message when no bus is asked for.
 */
export function sharedGaps(params: {
  asks: IntegrationAsks;
  types: readonly string[];
  spelled: readonly string[];
}): string[] {
  const { asks } = params;
  return [
    ...spelledTypeGaps(asks, params.spelled),
    ...(asks.eventBus !== undefined || params.types.length === 0
      ? []
      : [
          `what handling ${params.types.length === 1 ? `${withIndefiniteArticle(params.types[0] ?? '')} message` : `${params.types.slice(0, -1).join(', ')} and ${params.types.at(-1) ?? ''} messages`} should do beyond recording it once is not generated: write it in src/message-handlers.ts`,
        ]),
  ];
}

/**
 * The limit of types taken only by their spelling (`build.finished` or `BuildFinished`): a delivery
 * of the sender's own name for the event is answered 202 `ignored`. Also a limit of receiving the
 * webhooks at all, so the row asking for them says it. Empty when no type is taken so.
 */
export function spelledTypeGaps(asks: IntegrationAsks, spelled: readonly string[]): string[] {
  if (spelled.length === 0) return [];
  const sender = asks.provider === undefined ? "the sender's" : `${asks.provider.name}'s`;
  const spellings = spelled.map((type) => `\`${dotted(type)}\` or \`${type}\` for ${type}`);
  return [
    `${sender} event type names are not known here, so a delivery is taken as a message type only when its type spells it (${spellings.join(', ')}), and no action or state in its payload is checked (only GitHub's actions are known here); map the sender's real names in DELIVERY_TYPES and DELIVERY_ACTIONS (src/webhook-provider.ts)`,
  ];
}
