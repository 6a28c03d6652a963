import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import type { IntegrationAsks } from './integration-asks.js';
import type { FILES } from './integration-test-titles.js';
import { TITLES, actionTitle, consumedTitle, typeTitle } from './integration-test-titles.js';
import { consumedTypes, publishedFor } from './bus-routes.js';
import { QUEUE_POLICY_ID, SOURCE_RULE_ID } from './source-bus-part.js';
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
  /** Every message type the consumer handles: which are consumed from the source bus and what each publishes. */
  types?: readonly string[];
}): Capability {
  const { type, asks, headerTyped } = params;
  const types = params.types ?? [type];
  if (consumedTypes(asks, types).includes(type)) return consumedCapability(params, types);
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
  const leads = consumedTypes(asks, types);
  return {
    // A type named apart from its condition (`When a pull request is merged, publish a DeployRequested
    // event`) is also asked for by the condition: the words of each delivery it takes (`pull request merged`).
    when: [
      ...variants(words),
      [type.toLowerCase()],
      ...params.deliveryActions.map((entry) => wordsOf(entry.name)),
    ],
    implementedBy: `${type} ${asks.webhook ? `webhooks${real === '' ? '' : ` (${provider?.name ?? 'the sender'}'s ${real})`}` : 'messages'} ${bus ? `become ${type} events on the ${asks.eventBus ?? 'default'} bus` : 'are processed once and recorded'}${leads.some((lead) => publishedFor(asks, types, lead).includes(type)) ? `, and each consumed ${leads.join(', ')} event puts a ${type} event there` : ''}`,
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
      // `Publish a FulfilmentRequested event … for each order`: put by the consumed event's handler.
      ...leads
        .filter((lead) => publishedFor(asks, types, lead).includes(type))
        .map((lead) =>
          params.test(
            'batch',
            consumedTitle(lead, asks.sourceBus?.name ?? 'default', publishedFor(asks, types, lead)),
          ),
        ),
    ],
    resources: ['Queue', 'ConsumerFunction'],
    gaps: [
      ...params.sharedGaps,
      ...(bus && leads.length > 1
        ? [
            `which of the consumed ${leads.join(', ')} events leads to ${type} is not known, so none puts it: only ${type} messages sent to the queue become ${type} events; put it from their handlers in src/message-handlers.ts`,
          ]
        : []),
      ...misroutedGaps(asks, type),
      ...params.deliveryActions.flatMap((entry) => (entry.limit === undefined ? [] : [entry.limit])),
      ...wholeEvents.map(
        (name) =>
          `GitHub sends \`${name}\` whatever happened (its body's \`action\`: created, edited, closed…) and the request named no action known here, so every \`${name}\` delivery becomes ${type}; name one (opened, closed, merged, published, failed) to take only those`,
      ),
    ],
  };
}

/**
 * A type the rule on the source bus queues (`Consume OrderPlaced events from the orders bus`): what
 * the rule, the consumer and its handler do with it, proved by the template test and the test that
 * runs the EventBridge event through the consumer.
 */
function consumedCapability(
  params: Parameters<typeof typeCapability>[0],
  types: readonly string[],
): Capability {
  const { type, asks } = params;
  const source = asks.sourceBus?.name ?? 'default';
  const published = publishedFor(asks, types, type);
  const outcome =
    published.length === 0
      ? 'recorded'
      : `put on the ${asks.eventBus ?? 'default'} bus as ${published.join(', ')} events`;
  return {
    when: [...variants(typeWords(type)), [type.toLowerCase()]],
    implementedBy: `${type} events on the ${source} bus (parameter SourceEventBusName) are queued by the rule ${SOURCE_RULE_ID} (detail-type ${type}), processed once and ${outcome}`,
    tests: [
      params.test('template', TITLES.sourceRule),
      params.test('batch', consumedTitle(type, source, published)),
    ],
    resources: [SOURCE_RULE_ID, QUEUE_POLICY_ID, 'Queue', 'ConsumerFunction'],
    gaps: [
      ...params.sharedGaps,
      ...(published.length === 0 && asks.eventBus !== undefined
        ? [
            `what handling ${type} should do beyond recording it once is not generated: write it in src/message-handlers.ts`,
          ]
        : []),
      ...misroutedGaps(asks, type),
    ],
  };
}

/** A type the request puts on, or takes from, a bus other than the two parameters name: it is not. */
function misroutedGaps(asks: IntegrationAsks, type: string): string[] {
  return asks.otherBuses
    .filter((mention) => mention.types.includes(type))
    .map((mention) =>
      mention.direction === 'publish'
        ? `${type} is put on the ${asks.eventBus ?? 'default'} bus (parameter EventBusName), not the ${mention.name} bus the request names; one bus is published on`
        : `no rule reads ${type} from the ${mention.name} bus: only the ${asks.sourceBus?.name ?? 'default'} bus (parameter SourceEventBusName) feeds the queue`,
    );
}
