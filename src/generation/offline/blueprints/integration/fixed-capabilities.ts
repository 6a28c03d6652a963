import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import { anyOf } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import { dedupeKeyGaps } from './dedupe-key-gap.js';
import type { IntegrationAsks } from './integration-asks.js';
import {
  BATCH_SIZE,
  DEAD_LETTER_RETENTION_SECONDS,
  MAX_RECEIVE_COUNT,
  VISIBILITY_TIMEOUT_SECONDS,
} from './integration-template.js';
import { backoffGaps } from './backoff-gaps.js';
import { retryCountGaps } from './retry-count-gaps.js';
import { EXCLUSION_WORDS } from './exclusion-words.js';
import { wordsOf } from '../../naming/words-of.js';
import type { FILES } from './integration-test-titles.js';
import { TITLES, providerTitle } from './integration-test-titles.js';
import { fifoCapability } from './fifo-capability.js';
import { replayCapability } from './replay-capability.js';
import { headerWords } from './header-words.js';
import { signatureGaps } from './signature-gaps.js';
import { numbersOutside } from './numbers-outside.js';
import { QUEUE_POLICY_ID, SOURCE_RULE_ID } from './source-bus-part.js';

const SEE_WORDS = [
  'see',
  'view',
  'find',
  'monitor',
  'know',
  'track',
  'alert',
  'alerted',
  'notified',
  'list',
  'spot',
  'investigate',
];
const REPLAY_WORDS = [
  'replay',
  'replays',
  'replayed',
  'redrive',
  'redriven',
  'reprocess',
  'reprocessed',
  'resend',
  'requeue',
];
const ALARM_WORDS = ['alarm', 'alarms', 'alarmed', 'alarming'];
const PAGE_WORDS = ['paged', 'page', 'pages', 'paging', 'alerted', 'notified', 'woken'];
const REJECTION_WORDS = ['signature', 'signatures', 'rejected', 'invalid', 'unsigned', 'forged'];

/** Words asking that a message be handled once, however often it is delivered. */
const DUPLICATE_WORDS = [
  'idempotent',
  'idempotency',
  'once',
  'duplicate',
  'duplicates',
  'duplicated',
  'exactly',
  'dedupe',
  'deduplicate',
  'deduplication',
];

/** What every integration generates whatever its message types (queue, retries, dead letters, signature check, bus...), and the words that ask for each. */
export function fixedCapabilities(params: {
  asks: IntegrationAsks;
  test: (file: keyof typeof FILES, title: string) => TestEvidence;
  /** Limits of taking deliveries as message types (their assumed spelling): the receiving's too. */
  typeGaps?: readonly string[];
}): Capability[] {
  const { asks, test } = params;
  const receiveGaps = [
    ...(asks.provider?.otherScheme === undefined ? [] : [asks.provider.otherScheme]),
    ...(params.typeGaps ?? []),
  ];
  const pairs = (left: readonly string[], right: readonly string[]) =>
    left.flatMap((one) => right.map((other) => [one, other]));
  const capabilities: Capability[] = [
    {
      when: anyOf(
        'queue',
        'queues',
        'sqs',
        'consume',
        'consumer',
        'consumes',
        'asynchronous',
        'async',
        'process',
        'processes',
        'processed',
        'processing',
        'message',
        'messages',
      ),
      implementedBy: `an SQS queue and a Lambda consumer that receives batches of up to ${BATCH_SIZE} messages and reports failures per message`,
      tests: [test('batch', TITLES.mixed), test('batch', TITLES.poison)],
      resources: ['Queue', 'ConsumerFunction', 'ConsumerEventSource'],
    },
    {
      when: anyOf('dead', 'dlq', 'poison', 'retry', 'retries', 'retried', 'redrive', 'failures'),
      implementedBy: `failed messages are retried, then moved to a dead-letter queue after ${MAX_RECEIVE_COUNT} receives (${MAX_RECEIVE_COUNT - 1} retries), which raises an alarm; the dead-letter queue keeps them ${DEAD_LETTER_RETENTION_SECONDS} s (${DEAD_LETTER_RETENTION_SECONDS / 86_400} days)`,
      tests: [test('batch', TITLES.retry), test('batch', TITLES.poison)],
      resources: ['DeadLetterQueue', 'DeadLetterAlarm'],
      // `Retry failed runs twice`: a count in words the numbers check cannot see.
      compare: (text) => [
        ...retryCountGaps(wordsOf(text), MAX_RECEIVE_COUNT),
        ...backoffGaps(wordsOf(text), VISIBILITY_TIMEOUT_SECONDS),
        ...numbersOutside(text, [
          MAX_RECEIVE_COUNT,
          MAX_RECEIVE_COUNT - 1,
          DEAD_LETTER_RETENTION_SECONDS,
          DEAD_LETTER_RETENTION_SECONDS / 86_400,
        ]),
      ],
    },
    {
      // `alarm when it is not empty`: the dead-letter alarm is generated, whoever it reaches (below).
      when: pairs(ALARM_WORDS, [
        'dead',
        'dlq',
        'poison',
        'empty',
        'failures',
        'failed',
        'fails',
        'lands',
        'land',
      ]),
      implementedBy:
        'DeadLetterAlarm goes into alarm when the dead-letter queue holds more than 0 visible messages (checked every 300 s)',
      tests: [test('template', TITLES.deadLetterAlarm)],
      resources: ['DeadLetterAlarm'],
    },
    {
      // `replay messages from the dead-letter queue`: the queue alone replays nothing; the policy lets an operator.
      when: pairs(REPLAY_WORDS, ['dead', 'dlq', 'letter', 'letters', 'poison', 'failed']),
      implementedBy:
        'DeadLetterRedrivePolicy (a managed policy for an operator role) allows StartMessageMoveTask on the dead-letter queue and SendMessage to the queue: `aws sqs start-message-move-task --source-arn <DeadLetterQueueArn>` replays them',
      tests: [test('template', TITLES.redrive)],
      resources: ['DeadLetterRedrivePolicy', 'DeadLetterQueue'],
      gaps: [
        "no role is given the policy: attach DeadLetterRedrivePolicy (output DeadLetterRedrivePolicyArn) to the operators' role",
      ],
    },
    {
      // The alarm's only action is AlarmTopicArn, empty unless a deployer sets it: nobody is reached by default.
      when: pairs(PAGE_WORDS, ['dead', 'dlq', 'poison', 'failures', 'failed', 'fails']),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'nobody is paged: the dead-letter alarm publishes only to AlarmTopicArn, which is empty unless set at deploy time; subscribe the pager (an SNS https subscription to its integration URL) to a topic and pass its ARN',
    },
    fifoCapability(asks, test),
    {
      // The handler claims each message id and nothing else: the message's contents are stored nowhere.
      when: anyOf('store', 'stores', 'stored', 'save', 'saves', 'saved', 'persist', 'persists', 'persisted'),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        "nothing stores the messages' contents: ProcessedMessagesTable holds only each message id, to skip redeliveries; write the storing in src/message-handlers.ts",
    },
    {
      // `Ignore duplicate deliveries`: leaving out a duplicate is the de-duplication, not an
      // exclusion nothing makes (the pair is the longer, more specific ask).
      when: [
        ...anyOf(...DUPLICATE_WORDS),
        ...EXCLUSION_WORDS.flatMap((exclusion) => DUPLICATE_WORDS.map((duplicate) => [exclusion, duplicate])),
      ],
      implementedBy:
        'each message id is claimed in a DynamoDB table before processing, so a redelivery is skipped',
      tests: [test('batch', TITLES.once), test('batch', TITLES.lease)],
      resources: ['ProcessedMessagesTable'],
      // `by their build id`: an id of what the delivery is about, not the delivery's own.
      ...(asks.webhook ? { compare: dedupeKeyGaps } : {}),
    },
  ];
  if (asks.webhook) {
    capabilities.push(
      {
        when: anyOf(
          'webhook',
          'webhooks',
          'receive',
          'receives',
          'received',
          'callback',
          'callbacks',
          'endpoint',
          'http',
        ),
        implementedBy: `POST /webhooks on an HTTP API: each delivery is checked, acknowledged with 202 and queued under its delivery id${headerWords(asks.provider)}`,
        tests: [
          test('webhook', TITLES.accepted),
          test('webhook', TITLES.ignored),
          // Generated only for a sender with both headers (Buildkite names its event, not its delivery).
          ...(asks.provider?.eventHeader === undefined || asks.provider.deliveryHeader === undefined
            ? []
            : [test('webhook', providerTitle(asks.provider))]),
        ],
        resources: ['RoutePostWebhooks', 'ReceiverFunction'],
        // A sender that signs another way has every delivery refused, and one whose event names are
        // not known has a delivery of another spelling ignored: receiving it is not met either.
        ...(receiveGaps.length === 0 ? {} : { gaps: receiveGaps }),
      },
      {
        when: anyOf(
          'signature',
          'signatures',
          'signed',
          'verify',
          'verified',
          'verifies',
          'verification',
          'hmac',
          'authenticity',
          'authentic',
        ),
        implementedBy:
          asks.provider?.scheme === 'stripe'
            ? "each delivery's Stripe-Signature (HMAC-SHA256 of `<t>.<body>`, t within 300 s) is checked against the stack's secret before anything else is read, and a delivery failing it is refused with 401"
            : "each delivery's HMAC-SHA256 signature is checked against the stack's secret before anything else is read, and a delivery failing it is refused with 401",
        tests: [
          test('webhook', TITLES.rejected),
          test('webhook', TITLES.accepted),
          ...(asks.provider?.scheme === 'stripe' ? [test('webhook', TITLES.stripe)] : []),
        ],
        resources: ['WebhookSecret', 'ReceiverFunction'],
        gaps: signatureGaps(asks),
      },
      replayCapability(asks, test),
      {
        when: anyOf('livemode', 'test mode', 'live mode', 'sandbox'),
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated:
          "no delivery is told apart by mode: test-mode deliveries (Stripe's `livemode` false) are handled like live ones; check it in src/message-handlers.ts",
      },
      {
        // `Other events are ignored`, `ignore any other event type`: the types not handled, which the
        // receiver answers 202 `ignored` by the provider's type field and drops (a generated test sends one).
        when: pairs(['other', 'unhandled', 'unknown', 'unsupported', 'remaining'], EXCLUSION_WORDS),
        implementedBy:
          "a delivery of a type this service does not handle (the provider's type field) is acknowledged with 202 `ignored`, logged as ignored-type and not queued",
        tests: [test('webhook', TITLES.ignored)],
        resources: ['ReceiverFunction'],
      },
      {
        // `Ignore events from forks`: a leaving-out no generated check makes (it is not an event type to take).
        when: anyOf(...EXCLUSION_WORDS),
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated: `nothing leaves these deliveries out: every signed delivery of a handled type is published; drop them in src/message-handlers.ts${asks.fromGitHub ? " (for forks, on the payload's `repository.fork`)" : ''}`,
      },
      {
        when: pairs(SEE_WORDS, REJECTION_WORDS),
        implementedBy:
          'every rejected delivery is logged (outcome signature-rejected, with the reason and the body hash) and counted in SignatureRejected, which raises an alarm',
        tests: [test('webhook', TITLES.rejected)],
        resources: ['SignatureRejectedAlarm'],
      },
    );
  } else {
    capabilities.push({
      when: anyOf('webhook', 'webhooks', 'endpoint', 'http', 'rest', 'api'),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: 'no HTTP endpoint is generated: producers send messages to the queue',
    });
  }
  capabilities.push(...busCapabilities(asks, test));
  return capabilities;
}

/** Verbs that put events on a bus, for the words asking for the publish bus when another bus is consumed. */
const PUBLISH_WORDS = [
  'publish',
  'publishes',
  'published',
  'emit',
  'emits',
  'put',
  'puts',
  'forward',
  'forwards',
];
/** Verbs that take events off a bus (`listen to`, `subscribe to`), beside `from`. */
const CONSUME_WORDS = ['consume', 'consumes', 'listen', 'listens', 'subscribe', 'subscribes', 'from'];

/**
 * The buses: the one published on (EventBusName), the one consumed from (SourceEventBusName: the
 * rule and the queue policy), and the others the request names, which nothing reads or writes. With
 * two buses each is asked for by its own name beside its own verbs (`from the orders bus`, `publish
 * … on the fulfilment bus`), so neither answers for the other.
 */
function busCapabilities(
  asks: IntegrationAsks,
  test: (file: keyof typeof FILES, title: string) => TestEvidence,
): Capability[] {
  const source = asks.sourceBus;
  const named = (name: string, verbs: readonly string[]) => verbs.map((verb) => [name, 'bus', verb]);
  const publish: Capability =
    asks.eventBus !== undefined
      ? {
          when:
            source === undefined
              ? anyOf(
                  'event bus',
                  'eventbridge',
                  'bus',
                  'event',
                  'events',
                  'publish',
                  'publishes',
                  'published',
                  'emit',
                )
              : [...named(asks.eventBus, PUBLISH_WORDS), ...anyOf(...PUBLISH_WORDS)],
          implementedBy:
            source === undefined
              ? `each consumed message becomes an event of its type on the ${asks.eventBus} bus (parameter EventBusName)`
              : `the events the consumer publishes go on the ${asks.eventBus} bus (parameter EventBusName)`,
          tests: [test('bus', TITLES.bus)],
          resources: ['ConsumerFunction'],
        }
      : {
          when:
            source === undefined
              ? anyOf('event bus', 'eventbridge', 'publish', 'publishes', 'emit')
              : anyOf(...PUBLISH_WORDS),
          implementedBy: '',
          tests: [],
          resources: [],
          notGenerated:
            source === undefined
              ? 'no event bus is generated: name one ("on the orders event bus") or the events (PascalCase names)'
              : `nothing is published: the consumer only records the events from the ${source.name} bus; name the events to publish and their bus ("publish a FulfilmentRequested event on the fulfilment bus")`,
        };
  const consume: Capability[] =
    source === undefined
      ? []
      : [
          {
            when: [
              ...named(source.name, CONSUME_WORDS),
              ...named(source.name, ['eventbridge']),
              ...anyOf('eventbridge rule', 'listen', 'listens', 'subscribe', 'subscribes'),
            ],
            implementedBy: `the rule ${SOURCE_RULE_ID} on the ${source.name} bus (parameter SourceEventBusName) queues its ${source.types.length === 0 ? '' : `${source.types.join(', ')} `}events for the consumer; the queue's policy lets EventBridge send only for that rule`,
            tests: [test('template', TITLES.sourceRule)],
            resources: [SOURCE_RULE_ID, QUEUE_POLICY_ID],
          },
        ];
  const others = asks.otherBuses.map((mention): Capability => ({
    when: [[mention.name, 'bus']],
    implementedBy: '',
    tests: [],
    resources: [],
    notGenerated:
      mention.direction === 'consume'
        ? `nothing reads the ${mention.name} bus: only the rule on the ${source?.name ?? 'default'} bus (parameter SourceEventBusName) feeds the queue`
        : `nothing is put on the ${mention.name} bus: the consumer publishes on the ${asks.eventBus ?? 'default'} bus (parameter EventBusName) only`,
  }));
  return [publish, ...consume, ...others];
}
