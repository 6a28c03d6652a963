import { fifoAsked } from './fifo-ask.js';
import type { FifoAsk } from './fifo-ask.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { pascalNames } from '../../naming/description-sentences.js';
import { wordsOf } from '../../naming/words-of.js';
import { webhookProviderOf } from './webhook-provider.js';
import { PROVIDER_EVENT_TYPES } from './provider-event-types.js';
import { writtenEventTypes } from './written-event-types.js';
import type { WebhookProvider } from './webhook-provider.js';
import { busMentions, eventBusesOf } from './event-buses.js';
import type { EventBuses } from './event-buses.js';
import { namedQueues } from './named-queues.js';
import type { NamedQueue } from './named-queues.js';

/** What the request asks of the integration beyond a queue and its consumer. */
export interface IntegrationAsks {
  /** Messages arrive as signed HTTP webhooks: an endpoint checks the signature and queues them. */
  readonly webhook: boolean;
  /** `from an SQS FIFO queue, in order per order id`: both queues FIFO, sends grouped. */
  readonly fifo?: FifoAsk;
  /** Consumed messages become events on this EventBridge bus (by name): the bus the request publishes on. */
  readonly eventBus?: string;
  /** The bus the request consumes events from (`from the orders bus`): a rule on it feeds the queue. */
  readonly sourceBus?: EventBuses['source'];
  /** Buses the request names beyond the source and eventBus, which nothing generated reads or writes. */
  readonly otherBuses: EventBuses['others'];
  /** Queues the request names (`the billing queue`, `our existing payments queue`); the stack makes one queue. */
  readonly namedQueues: readonly NamedQueue[];
  /** Event and message type names the request gave (`PaymentSettled`, `OrderPlaced`): the message types, when present. */
  readonly eventTypes: readonly string[];
  /** The header the request says carries the signature (`X-Hub-Signature-256`), lowercased as API Gateway passes it. */
  readonly signatureHeader?: string;
  /** The request names GitHub as the sender, which puts a delivery's type and id in headers. */
  readonly fromGitHub: boolean;
  /** The sender the request names (GitHub, Stripe, …), whose documented headers the receiver reads. */
  readonly provider?: WebhookProvider;
}

/** PascalCase names of products and services, never event types (`an EventBridge bus`, `GitHub webhooks`). */
const PRODUCT_NAMES = new Set([
  'EventBridge',
  'CloudWatch',
  'CloudFormation',
  'CloudTrail',
  'CloudFront',
  'CodeDeploy',
  'CodeBuild',
  'CodePipeline',
  'StepFunctions',
  'GitHub',
  'GitLab',
  'BitBucket',
  'PagerDuty',
  'OpsGenie',
  'SendGrid',
  'MailChimp',
  'PayPal',
  'QuickBooks',
  'JavaScript',
  'TypeScript',
  'WebSocket',
  'WebSockets',
]);
/** A header name with `signature` in it, as a request writes it: `X-Hub-Signature-256`, `Stripe-Signature`. */
const SIGNATURE_HEADER = /\b(?:[A-Za-z0-9]+-)*Signature(?:-[A-Za-z0-9]+)*\b/gi;

const WEBHOOK_WORDS = ['webhook', 'webhooks', 'callback', 'callbacks'];
const RECEIVE_WORDS = [
  'receive',
  'receives',
  'received',
  'receiving',
  'accept',
  'accepts',
  'listen',
  'listens',
];
/** Words beside which a PascalCase name is a message type: `PaymentSettled events`, `OrderPlaced messages`. */
const EVENT_WORDS = ['event', 'events'];
const MESSAGE_WORDS = ['message', 'messages'];
/** Words of a text that may name events in the sender's spelling (`webhooks for transaction.created`). */
const WRITTEN_KIND_WORDS = [...EVENT_WORDS, ...MESSAGE_WORDS, 'webhook', 'webhooks'];

/** Reads the task name, the description's clauses and the stories for webhooks, event types and an event bus. */
export function integrationAsks(input: BlueprintInput): IntegrationAsks {
  const clauses = input.descriptionSentences.flatMap((sentence) => sentence.clauses);
  const texts = [
    input.names.slug.split('-'),
    ...clauses.map((clause) => clause.words),
    ...input.stories.map((story) => story.text.toLowerCase().match(/[a-z0-9]+/g) ?? []),
  ];
  // A sentence or story that speaks of events or messages names them in any of its clauses ("for
  // PaymentSettled and RefundCreated events", "Consume OrderPlaced messages"); events go on a bus.
  const named = [
    ...input.descriptionSentences.map((sentence) => ({
      words: sentence.clauses.flatMap((clause) => clause.words),
      names: sentence.clauses.flatMap((clause) => clause.names),
    })),
    ...input.stories.map((story) => ({ words: wordsOf(story.text), names: pascalNames(story.text) })),
  ].filter(({ words }) => words.some((word) => EVENT_WORDS.includes(word) || MESSAGE_WORDS.includes(word)));
  const namesOf = (list: typeof named) => [
    ...new Set(list.flatMap(({ names }) => names).filter((name) => !PRODUCT_NAMES.has(name))),
  ];
  const provider = webhookProviderOf([
    input.names.slug.replaceAll('-', ' '),
    ...clauses.map((clause) => clause.text),
    ...input.stories.map((story) => story.text),
  ]);
  // `for transaction.created and card.blocked`: a sender whose names are not known here is taken at
  // its word; a known one's names are read from its catalogue by the message types.
  const written =
    provider !== undefined && PROVIDER_EVENT_TYPES[provider.name] !== undefined
      ? []
      : [
          ...input.descriptionSentences.map((sentence) => sentence.text),
          ...input.stories.map((story) => story.text),
        ]
          .filter((text) => wordsOf(text).some((word) => WRITTEN_KIND_WORDS.includes(word)))
          .flatMap(writtenEventTypes);
  const eventTypes = [...new Set([...namesOf(named), ...written])];
  const namesEvents =
    namesOf(named.filter(({ words }) => words.some((word) => EVENT_WORDS.includes(word)))).length > 0;
  const signatureHeader =
    input.descriptionSentences
      .flatMap((sentence) => [...sentence.text.matchAll(SIGNATURE_HEADER)].map((match) => match[0]))
      .find((header) => header.includes('-') && header.length <= 64) ?? provider?.signatureHeader;
  const buses = eventBusesOf(
    [
      ...input.descriptionSentences.map((sentence) => ({
        words: sentence.clauses.flatMap((clause) => clause.words),
        names: sentence.clauses.flatMap((clause) => clause.names),
      })),
      ...input.stories.map((story) => ({ words: wordsOf(story.text), names: pascalNames(story.text) })),
    ].flatMap((text) => busMentions(text, (name) => !PRODUCT_NAMES.has(name))),
  );
  // `Listen to the orders bus for OrderPlaced events`: a source named apart from its types consumes
  // every named type not published elsewhere.
  const sourceBus =
    buses.source === undefined
      ? undefined
      : {
          name: buses.source.name,
          types:
            buses.source.types.length > 0
              ? buses.source.types
              : eventTypes.filter((type) => !buses.published.includes(type)),
        };
  const consumed = new Set(sourceBus?.types ?? []);
  // A request that only consumes from a bus publishes nothing unless it names a type it does not consume.
  const publishes = sourceBus === undefined || eventTypes.some((type) => !consumed.has(type));
  const eventBus =
    buses.target ??
    (publishes && (namesEvents || texts.some((words) => words.includes('eventbridge')))
      ? 'default'
      : undefined);
  const fifo = fifoAsked([
    ...input.descriptionSentences.map((sentence) => sentence.text),
    ...input.stories.map((story) => story.text),
  ]);
  return {
    ...(fifo === undefined ? {} : { fifo }),
    // `Receive Slack events`: a named sender is received over HTTP even when the request never says webhook.
    webhook: texts.some(
      (words) =>
        words.some((word) => WEBHOOK_WORDS.includes(word)) ||
        (provider !== undefined && words.some((word) => RECEIVE_WORDS.includes(word))),
    ),
    ...(eventBus === undefined ? {} : { eventBus }),
    ...(sourceBus === undefined ? {} : { sourceBus }),
    otherBuses: buses.others,
    namedQueues: namedQueues([
      ...input.descriptionSentences.map((sentence) => sentence.text),
      ...input.stories.map((story) => story.text),
    ]).slice(0, 10),
    eventTypes: eventTypes.slice(0, 20),
    fromGitHub: provider?.name === 'GitHub',
    ...(provider === undefined ? {} : { provider }),
    ...(signatureHeader === undefined ? {} : { signatureHeader: signatureHeader.toLowerCase() }),
  };
}
