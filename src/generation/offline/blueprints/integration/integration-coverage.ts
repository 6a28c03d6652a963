import type { RequirementCoverage, TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import { anyOf, mostSpecificAskedBy } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import { combine, describeSentences } from '../../coverage/describe-coverage.js';
import { releaseCoverage } from '../../coverage/release-coverage.js';
import { shiftCapability } from '../../coverage/shift-capability.js';
import type { IntegrationAsks } from './integration-asks.js';
import type { WebhookProvider } from './webhook-provider.js';
import { DEAD_LETTER_RETENTION_SECONDS, MAX_RECEIVE_COUNT } from './integration-template.js';
import { retryCountGaps } from './retry-count-gaps.js';
import { EXCLUSION_WORDS } from './exclusion-words.js';
import { wordsOf } from '../../naming/words-of.js';
import { FILES, TITLES, actionTitle, providerTitle, typeTitle } from './integration-test-titles.js';
import { GITHUB_ACTION_EVENTS } from './github-event-types.js';
import type { DeliveryAction } from './provider-event-types.js';
import type { StoryMessage } from './message-types.js';
import { storyDroppedQualifiers } from './story-dropped-qualifiers.js';
import { fifoCapability } from './fifo-capability.js';
import { replayCapability } from './replay-capability.js';
import { branchGaps, branchOnly } from './branch-filters.js';
import { distinctMessageTypes } from './message-types.js';
import { withIndefiniteArticle } from '../../../../core/text/indefinite-article.js';

const TIMING_WORDS = [
  'within',
  'minute',
  'minutes',
  'second',
  'seconds',
  'immediately',
  'realtime',
  'latency',
  'hour',
  'hours',
];
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
const PAGE_WORDS = ['paged', 'page', 'pages', 'paging', 'alerted', 'notified', 'woken'];
const REJECTION_WORDS = ['signature', 'signatures', 'rejected', 'invalid', 'unsigned', 'forged'];

/** What each story, description sentence and the strategy became in the integration, with the tests that prove it. */
export function integrationCoverage(params: {
  input: BlueprintInput;
  asks: IntegrationAsks;
  messages: readonly StoryMessage[];
  shifting: TrafficShifting;
}): RequirementCoverage[] {
  const { input, asks, messages } = params;
  const test = (file: keyof typeof FILES, title: string): TestEvidence => ({
    path: `${input.baseDir}/${FILES[file]}`,
    title,
  });
  const types = distinctMessageTypes(messages);
  const headerTyped = asks.provider?.eventHeader !== undefined && messages.length === 1;
  const shared = sharedGaps({
    asks,
    types,
    // Taken by their spelling only: a webhook type none of the sender's known names is.
    spelled:
      asks.webhook && !headerTyped
        ? types.filter(
            (type) => messages.find((message) => message.messageType === type)?.deliveryTypes === undefined,
          )
        : [],
  });
  const byType = new Map(
    types.map((type) => [
      type,
      typeCapability({
        type,
        asks,
        test,
        deliveryTypes: messages.find((message) => message.messageType === type)?.deliveryTypes,
        deliveryActions: messages.find((message) => message.messageType === type)?.deliveryActions ?? [],
        headerTyped,
        sharedGaps: shared,
      }),
    ]),
  );
  const capabilities = [
    ...byType.values(),
    ...fixedCapabilities({ asks, test }),
    shiftCapability({
      functionId: 'ConsumerFunction',
      configName: params.shifting.configName,
      shift: params.shifting.shift,
    }),
  ];
  const stories = input.stories.map((intent) => {
    const words = intent.text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const own = messages
      .filter((message) => message.intent === intent)
      .flatMap((message) => byType.get(message.messageType) ?? []);
    const found = [...own, ...mostSpecificAskedBy(words, capabilities)];
    const dropped = storyDroppedQualifiers({ intent, messages, asks });
    return combine({
      source: { kind: 'story', number: intent.number },
      text: intent.text,
      parts: [{ text: intent.text, capabilities: [...new Set(found)] }],
      extraGaps: [
        ...dropped,
        ...branchGaps({ text: intent.text, messages }),
        ...(words.some((word) => TIMING_WORDS.includes(word))
          ? [
              'the timing is not proven by a test: the path adds SQS (a batching window of up to 5 s) and one Lambda run',
            ]
          : []),
      ],
    });
  });
  return [
    ...stories,
    ...describeSentences(input.descriptionSentences, capabilities),
    ...releaseCoverage({
      input,
      functionId: 'ConsumerFunction',
      shifting: params.shifting,
      ...(asks.webhook && params.shifting.configName !== undefined
        ? { gaps: ['the webhook receiver is updated in place; only the consumer shifts traffic'] }
        : {}),
    }),
  ];
}

function typeCapability(params: {
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
    when: [...variants(words), [type.toLowerCase()]],
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

/**
 * Limits that hold for every message type alike, written once naming them all, so a row that
 * several types answer says each limit once: types taken only by their spelling, and handlers
 * that only record a message when no bus is asked for.
 */
function sharedGaps(params: {
  asks: IntegrationAsks;
  types: readonly string[];
  spelled: readonly string[];
}): string[] {
  const { asks } = params;
  const sender = asks.provider === undefined ? "the sender's" : `${asks.provider.name}'s`;
  const spellings = params.spelled.map((type) => `\`${dotted(type)}\` or \`${type}\` for ${type}`);
  return [
    ...(params.spelled.length === 0
      ? []
      : [
          `${sender} event type names are not known here, so a delivery is taken as a message type only when its type spells it (${spellings.join(', ')}), and no action or state in its payload is checked (only GitHub's actions are known here); map the sender's real names in DELIVERY_TYPES and DELIVERY_ACTIONS (src/webhook-provider.ts)`,
        ]),
    ...(asks.eventBus !== undefined || params.types.length === 0
      ? []
      : [
          `what handling ${params.types.length === 1 ? `${withIndefiniteArticle(params.types[0] ?? '')} message` : `${params.types.slice(0, -1).join(', ')} and ${params.types.at(-1) ?? ''} messages`} should do beyond recording it once is not generated: write it in src/message-handlers.ts`,
        ]),
  ];
}

/** `PaymentSettled` → payment, settled. */
function typeWords(type: string): string[] {
  return type
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** `PaymentSettled` → `payment.settled`, as a sender would likely spell it. */
function dotted(type: string): string {
  return typeWords(type).join('.');
}

function fixedCapabilities(params: {
  asks: IntegrationAsks;
  test: (file: keyof typeof FILES, title: string) => TestEvidence;
}): Capability[] {
  const { asks, test } = params;
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
      implementedBy: 'an SQS queue and a Lambda consumer that reports failures per message',
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
        ...numbersOutside(text, [
          MAX_RECEIVE_COUNT,
          MAX_RECEIVE_COUNT - 1,
          DEAD_LETTER_RETENTION_SECONDS,
          DEAD_LETTER_RETENTION_SECONDS / 86_400,
        ]),
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
      when: anyOf(
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
      ),
      implementedBy:
        'each message id is claimed in a DynamoDB table before processing, so a redelivery is skipped',
      tests: [test('batch', TITLES.once), test('batch', TITLES.lease)],
      resources: ['ProcessedMessagesTable'],
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
          ...(asks.provider?.eventHeader === undefined
            ? []
            : [test('webhook', providerTitle(asks.provider))]),
        ],
        resources: ['RoutePostWebhooks', 'ReceiverFunction'],
        // A sender that signs another way has every delivery refused: receiving it is not met either.
        ...(asks.provider?.otherScheme === undefined ? {} : { gaps: [asks.provider.otherScheme] }),
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
            ? "each delivery's Stripe-Signature (HMAC-SHA256 of `<t>.<body>`, t within 300 s) is checked against the stack's secret before anything else is read"
            : "each delivery's HMAC-SHA256 signature is checked against the stack's secret before anything else is read",
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
        // `Ignore events from forks`: a leaving-out no generated check makes (it is not an event type to take).
        when: anyOf(...EXCLUSION_WORDS),
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated:
          "nothing leaves these deliveries out: every signed delivery of a handled type is published; drop them in src/message-handlers.ts (for forks, on the payload's `repository.fork`)",
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
  capabilities.push(
    asks.eventBus !== undefined
      ? {
          when: anyOf(
            'event bus',
            'eventbridge',
            'bus',
            'event',
            'events',
            'publish',
            'publishes',
            'published',
            'emit',
          ),
          implementedBy: `each consumed message becomes an event of its type on the ${asks.eventBus} bus (parameter EventBusName)`,
          tests: [test('bus', TITLES.bus)],
          resources: ['ConsumerFunction'],
        }
      : {
          when: anyOf('event bus', 'eventbridge', 'publish', 'publishes', 'emit'),
          implementedBy: '',
          tests: [],
          resources: [],
          notGenerated:
            'no event bus is generated: name one ("on the orders event bus") or the events (PascalCase names)',
        },
  );
  return capabilities;
}

/** Every combination of each word's forms: `payment settled` also matches `payments settle`. */
function variants(words: readonly string[]): string[][] {
  return words.reduce<string[][]>(
    (combinations, word) => {
      const stem = word.replace(/(?:ed|es|e|s|d)$/, '');
      const forms = [
        ...new Set([word, stem, `${stem}e`, `${stem}s`, `${stem}es`, `${stem}ed`, `${stem}d`, `${stem}ing`]),
      ];
      return combinations.flatMap((combination) => forms.map((form) => [...combination, form]));
    },
    [[]],
  );
}

/** `, typed by its X-GitHub-Event header and deduplicated by X-GitHub-Delivery`: the sender's headers the receiver reads. */
function headerWords(provider: WebhookProvider | undefined): string {
  if (provider?.eventHeader === undefined || provider.deliveryHeader === undefined) return '';
  return `, typed by ${provider.name}'s ${provider.eventHeader} header and deduplicated by ${provider.deliveryHeader}`;
}

/**
 * What the signature check assumes: for a sender whose documented scheme it is (GitHub:
 * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries), only that
 * timestamps are not checked; for one that signs otherwise, that its deliveries are refused.
 */
function signatureGaps(asks: IntegrationAsks): string[] {
  const provider = asks.provider;
  const replay = 'replay protection by timestamp is not generated';
  if (provider?.scheme === 'stripe' && asks.signatureHeader === provider.signatureHeader) return [];
  if (provider?.otherScheme !== undefined) return [provider.otherScheme, replay];
  if (provider !== undefined && asks.signatureHeader === provider.signatureHeader) return [replay];
  return [
    `the provider's signature scheme is assumed: HMAC-SHA256 of the raw body, hex, in the SignatureHeader header (default ${asks.signatureHeader ?? 'x-signature'}${asks.signatureHeader === undefined ? '' : ', as the request names it'}); ${replay}`,
  ];
}

/** Numbers a text gives (`after 5 failures`) that are none of the values generated: each a gap, as the shared numbers check says. */
function numbersOutside(text: string, generated: readonly number[]): string[] {
  // `3 times` is a retry count, compared by retryCountGaps.
  const given = (text.match(/(?<![\w.-])\d+(?:\.\d+)?(?![\w-]|\.\d|\s+times?\b)/g) ?? []).map(Number);
  return [...new Set(given.filter((value) => !generated.includes(value)))].map(
    (value) => `${value} is not a value of what was generated; set it by hand or ask again`,
  );
}
