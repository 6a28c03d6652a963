import { fifoAsked } from './fifo-ask.js';
import type { FifoAsk } from './fifo-ask.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { pascalNames } from '../../naming/description-sentences.js';
import { wordsOf } from '../../naming/words-of.js';
import { webhookProviderOf } from './webhook-provider.js';
import type { WebhookProvider } from './webhook-provider.js';

/** What the request asks of the integration beyond a queue and its consumer. */
export interface IntegrationAsks {
  /** Messages arrive as signed HTTP webhooks: an endpoint checks the signature and queues them. */
  readonly webhook: boolean;
  /** `from an SQS FIFO queue, in order per order id`: both queues FIFO, sends grouped. */
  readonly fifo?: FifoAsk;
  /** Consumed messages become events on this EventBridge bus (by name). */
  readonly eventBus?: string;
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
const NOT_BUS_NAMES = new Set([
  'the',
  'a',
  'an',
  'our',
  'their',
  'its',
  'to',
  'on',
  'onto',
  'into',
  'domain',
  'same',
  'shared',
  'main',
]);

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
  const eventTypes = namesOf(named);
  const namesEvents =
    namesOf(named.filter(({ words }) => words.some((word) => EVENT_WORDS.includes(word)))).length > 0;
  const provider = webhookProviderOf(texts);
  const signatureHeader =
    input.descriptionSentences
      .flatMap((sentence) => [...sentence.text.matchAll(SIGNATURE_HEADER)].map((match) => match[0]))
      .find((header) => header.includes('-') && header.length <= 64) ?? provider?.signatureHeader;
  const busWords = texts.find((words) => words.includes('eventbridge') || busIndex(words) !== -1);
  const eventBus = busWords === undefined ? (namesEvents ? 'default' : undefined) : busName(busWords);
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
    eventTypes: eventTypes.slice(0, 20),
    fromGitHub: provider?.name === 'GitHub',
    ...(provider === undefined ? {} : { provider }),
    ...(signatureHeader === undefined ? {} : { signatureHeader: signatureHeader.toLowerCase() }),
  };
}

/** Words that put something onto a bus named right after `the` (`put an event on the billing bus`). */
const ONTO = new Set(['on', 'onto', 'to', 'into']);

/**
 * Where `event bus` or `EventBridge bus` starts in the words; else where `bus` stands in `on the
 * <name> bus` of a text that names an event (`put an event on the billing bus`); -1 when none.
 */
function busIndex(words: readonly string[]): number {
  const named = words.findIndex(
    (word, index) => (word === 'event' || word === 'eventbridge') && words[index + 1] === 'bus',
  );
  if (named !== -1 || !words.some((word) => EVENT_WORDS.includes(word))) return named;
  return words.findIndex(
    (word, index) =>
      word === 'bus' &&
      index >= 3 &&
      words[index - 2] === 'the' &&
      ONTO.has(words[index - 3] ?? '') &&
      !NOT_BUS_NAMES.has(words[index - 1] ?? ''),
  );
}

/** `the orders event bus`, `the logistics EventBridge bus` → the name; any other wording → the account's `default` bus. */
function busName(words: readonly string[]): string {
  const before = words[busIndex(words) - 1];
  return before === undefined || NOT_BUS_NAMES.has(before) ? 'default' : before;
}
