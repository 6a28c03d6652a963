import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import type { IntegrationAsks } from './integration-asks.js';
import type { FILES } from './integration-test-titles.js';
import { TITLES, actionTitle, typeTitle } from './integration-test-titles.js';
import { GITHUB_ACTION_EVENTS } from './github-event-types.js';
import type { DeliveryAction } from './provider-event-types.js';
import { branchOnly } from './branch-filters.js';
import { typeWords } from './message-type-words.js';
import { variants } from './word-variants.js';
import { wordsOf } from '../../naming/words-of.js';

/**
 * The capability of one message type: the deliveries taken as it (the sender's event types and
 * actions, when known), where it goes (the bus, or recorded once), the tests that prove it, and its limits.
 */
export function typeCapability(params: {
  type: string;
  asks: IntegrationAsks;
  test: (file: keyof typeof FILES, title: string) => TestEvidence;
  /** The provider's event types that are this message; undefined when the provider's names are not known. */
  deliveryTypes: readonly string[] | undefined;
  /** The actions of those event types that are this message (GitHub's merged `pull_request`). */
  deliveryActions: readonly (DeliveryAction & { readonly event: string })[];
  /** The only message type, of a sender that names its event in a header: every event is taken as it. */
  headerTyped: boolean;
  /** Said once for all the types (the same limit, so a row lists it once): see sharedGaps. */
  sharedGaps: readonly string[];
}): Capability {
  const { type, asks, headerTyped } = params;
  const provider = asks.provider;
  if (asks.webhook && params.deliveryTypes?.length === 0 && !headerTyped)
    return {
      when: [...variants(typeWords(type)), [type.toLowerCase()]],
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: `${provider?.name ?? 'the sender'} sends no event type that is ${type}, so no delivery would ever be handled as it (${provider?.name ?? 'the sender'}'s event types: ${provider?.eventTypesDocs ?? provider?.docs ?? 'its documentation'}); name one of them`,
    };
  const real = (params.deliveryTypes ?? [])
    .map((name) => {
      const action = params.deliveryActions.find((entry) => entry.event === name);
      const where = Object.entries(action?.where ?? {}).map(
        ([path, value]) => `\`${path}\` ${typeof value === 'object' ? value.join(' or ') : String(value)}`,
      );
      const parts = [...(action?.action === undefined ? [] : [`action \`${action.action}\``]), ...where];
      return `\`${name}\`${parts.length === 0 ? '' : ` with ${parts.join(' and ')}`}`;
    })
    .join(', ');
  // GitHub sends one event for many actions: one taken whole, though the request asked for one thing, is said.
  const wholeEvents =
    asks.webhook && provider?.name === 'GitHub'
      ? (params.deliveryTypes ?? []).filter(
          (name) =>
            GITHUB_ACTION_EVENTS.has(name) &&
            !params.deliveryActions.some((entry) => entry.event === name && !branchOnly(entry)),
        )
      : [];
  const bus = asks.eventBus !== undefined;
  const words = typeWords(type);
  return {
    // A type named apart from its condition (`When a pull request is merged, publish a DeployRequested
    // event`) is also asked for by the condition: the words of each delivery it takes (`pull request merged`).
    when: [
      ...variants(words),
      [type.toLowerCase()],
      ...params.deliveryActions.map((entry) => wordsOf(entry.name)),
    ],
    implementedBy: `${type} ${asks.webhook ? `webhooks${real === '' ? '' : ` (${provider?.name ?? 'the sender'}'s ${real})`}` : 'messages'} ${bus ? `become ${type} events on the ${asks.eventBus ?? 'default'} bus` : 'are processed once and recorded'}`,
    tests: [
      params.test(
        asks.webhook ? 'webhook' : 'batch',
        typeTitle(type, asks.webhook, bus, asks.webhook ? params.deliveryTypes?.[0] : undefined),
      ),
      ...(asks.webhook && provider?.eventHeader !== undefined
        ? params.deliveryActions
            .filter((entry) => entry.event === params.deliveryTypes?.[0])
            .map((entry) => params.test('webhook', actionTitle(type, entry)))
        : []),
      ...(bus ? [params.test('bus', TITLES.bus)] : []),
    ],
    resources: ['Queue', 'ConsumerFunction'],
    gaps: [
      ...params.sharedGaps,
      ...params.deliveryActions.flatMap((entry) => (entry.limit === undefined ? [] : [entry.limit])),
      ...wholeEvents.map(
        (name) =>
          `GitHub sends \`${name}\` whatever happened (its body's \`action\`: created, edited, closed…) and the request named no action known here, so every \`${name}\` delivery becomes ${type}; name one (opened, closed, merged, published, failed) to take only those`,
      ),
    ],
  };
}
