import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Review 11j, a fresh new-user pass over issue #11 items 1–3 (infrastructure and integration
 * blueprints): an SQS queue with a dead-letter queue asked of the infrastructure blueprint, a data
 * lake bucket with per-prefix lifecycle rules and a per-prefix email, a logistics partner's signed
 * webhooks (custom header, replay window, dedupe by event id, a named bus), and a weekly export to
 * S3 with an email. The generated templates are read and the generated webhook receiver is run with
 * signed and unsigned deliveries. Attacked: whether what is generated does what each sentence and
 * story asks, and whether the coverage says so honestly. Each FAULT test asserts the right answer and
 * is `it.failing` while the fault exists.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => row?.gaps ?? [];

const orderEventsQueue = {
  taskType: 'infrastructure' as const,
  taskName: 'Order events queue',
  environment: 'production',
  strategy: 'blue-green' as const,
  description:
    'An SQS queue for order events with a dead-letter queue. Messages that fail 3 times move to the dead-letter queue, which keeps them for 14 days. Encrypt both queues with KMS. Alarm when the dead-letter queue has any messages.',
};

describe('review 11j: a queue with a dead-letter queue, asked of the infrastructure blueprint', () => {
  it('fixed FAULT: "the dead-letter queue, which keeps them for 14 days" puts Object Lock (governance, 14 days) on an S3 bucket nobody asked for — a setting S3 never lets be turned off — while the row says "which keeps them for 14 days.": nothing was generated (a queue\'s retention read as object retention)', async () => {
    const { bundle } = await generate(orderEventsQueue);
    const buckets = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket');
    expect(JSON.stringify(buckets)).not.toContain('ObjectLock');
  });

  it('fixed FAULT: "Encrypt both queues with KMS." is ✅ covered by "a customer-managed KMS key with rotation encrypts the bucket and the topic", though the template holds no queue (a sentence about queues met by a bucket)', async () => {
    const { bundle } = await generate(orderEventsQueue);
    expect(resourcesOfType(parseBundleTemplate(bundle), 'AWS::SQS::Queue')).toEqual([]);
    expect(sentenceRow(bundle.coverage, 3)?.status).not.toBe('covered');
  });

  it('says the queue, the redrive and the alarm are not generated, and that blue-green has no effect', async () => {
    const { bundle } = await generate(orderEventsQueue);
    expect(sentenceRow(bundle.coverage, 1)?.status).toBe('not_covered');
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('not_covered');
    const strategy = bundle.coverage?.find(
      (row) => row.source.kind !== 'story' && row.source.kind !== 'description',
    );
    expect(gapsOf(strategy).join(' ')).toMatch(/no effect/);
  });
});

const dataLake = {
  taskType: 'infrastructure' as const,
  taskName: 'Data lake raw zone',
  environment: 'production',
  description:
    'An S3 bucket for the data lake raw zone. Objects under the tmp/ prefix expire after 7 days. Everything else moves to Standard-IA after 30 days and to Glacier Instant Retrieval after 90 days. Abort incomplete multipart uploads after 1 day. Enable versioning and keep noncurrent versions for 60 days.',
  stories: [
    'As a data engineer I am emailed at data-team@example.com when a file lands in the incoming/ prefix',
  ],
};
interface LifecycleRule {
  readonly Id?: string;
  readonly Prefix?: string;
  readonly Filter?: { readonly Prefix?: string };
  readonly ExpirationInDays?: number;
  readonly AbortIncompleteMultipartUpload?: { readonly DaysAfterInitiation?: number };
}
const lifecycleRules = (bundle: ArtifactBundle): LifecycleRule[] => {
  const [bucket] = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket');
  const configuration = bucket?.[1].Properties?.['LifecycleConfiguration'] as
    { Rules?: LifecycleRule[] } | undefined;
  return configuration?.Rules ?? [];
};
const prefixOf = (rule: LifecycleRule) => rule.Prefix ?? rule.Filter?.Prefix;

describe('review 11j: a data lake bucket with per-prefix rules', () => {
  it('fixed FAULT: "Objects under the tmp/ prefix expire after 7 days." expires EVERY object of the data lake after 7 days (no prefix filter), ✅ covered by a test titled "every object expires 7 days after it was written" (a prefix dropped: data loss)', async () => {
    const { bundle } = await generate(dataLake);
    const expiring = lifecycleRules(bundle).filter((rule) => rule.ExpirationInDays !== undefined);
    expect(expiring.length).toBeGreaterThan(0);
    for (const rule of expiring) expect(prefixOf(rule)).toBe('tmp/');
  });

  it('fixed FAULT: "emailed … when a file lands in the incoming/ prefix" notifies on every new object in the bucket and is ✅ covered (a prefix filter dropped from a notification)', async () => {
    const { bundle } = await generate(dataLake);
    const [bucket] = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket');
    const notifications = JSON.stringify(bucket?.[1].Properties?.['NotificationConfiguration'] ?? {});
    const filtered = notifications.includes('incoming/');
    expect(filtered || storyRow(bundle.coverage, 1)?.status !== 'covered').toBe(true);
  });

  it('fixed FAULT: "Abort incomplete multipart uploads after 1 day." is "nothing was generated for this", though the template aborts them after 7 days (a setting that exists with another value reported absent, and not set to what is asked)', async () => {
    const { bundle } = await generate(dataLake);
    const aborts = lifecycleRules(bundle).flatMap((rule) =>
      rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation === undefined
        ? []
        : [rule.AbortIncompleteMultipartUpload.DaysAfterInitiation],
    );
    const gaps = gapsOf(sentenceRow(bundle.coverage, 4)).join(' ');
    expect(aborts.every((days) => days === 1) || /\b7\b/.test(gaps)).toBe(true);
  });

  it('moves objects to STANDARD_IA at 30 and GLACIER_IR at 90 days, keeps old versions 60 days and emails the address the story gives', async () => {
    const { bundle } = await generate(dataLake);
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('covered');
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('covered');
    expect(fileContent(bundle, 'template.yaml')).toContain('StorageClass: GLACIER_IR');
    expect(fileContent(bundle, 'template.yaml')).toContain('data-team@example.com');
  });
});

const partnerWebhooks = {
  taskType: 'integration' as const,
  taskName: 'Partner webhooks',
  description:
    'Receive webhooks from our logistics partner. Each request is signed with HMAC-SHA256 in the X-Partner-Signature header. Reject requests whose X-Partner-Timestamp is more than 5 minutes old. Ignore duplicate deliveries with the same event id. Put ShipmentUpdated events on the logistics EventBridge bus.',
  stories: [
    'As fulfilment I receive an event when a parcel is delivered',
    'As support I can see why a delivery was rejected',
  ],
};
interface Queued {
  readonly id: string;
  readonly type: string;
}
/** The generated receiver with a fixed secret; returns what it answers and what it queued. */
function receiverOf(bundle: ArtifactBundle) {
  const loaded = loadGenerated(bundle, [
    ['src/receive-webhook.ts', ['receiveWebhook']],
    ['src/signature.ts', ['sign']],
    ['src/webhook-provider.ts', ['DELIVERY_HEADERS']],
  ]);
  const receive = loaded['receiveWebhook'] as (
    event: Record<string, unknown>,
    deps: Record<string, unknown>,
  ) => Promise<{ statusCode: number; body: string }>;
  const sign = loaded['sign'] as (body: string, secret: string) => string;
  const header = (loaded['DELIVERY_HEADERS'] as { signature: string }).signature;
  const queued: Queued[] = [];
  const deliver = async (payload: unknown, signed = true) => {
    const body = JSON.stringify(payload);
    return receive(
      { routeKey: 'POST /webhooks', body, headers: signed ? { [header]: sign(body, 'shh') } : {} },
      {
        secret: async () => 'shh',
        enqueue: async (message: Queued) => {
          queued.push(message);
        },
        signatureHeader: header,
        log: () => undefined,
        countRejected: () => undefined,
      },
    );
  };
  return { deliver, queued, header };
}

describe("review 11j: a logistics partner's signed webhooks", () => {
  it('fixed FAULT: "I receive an event when a parcel is delivered" is ✅ covered, but the only message type is ShipmentUpdated: a signed `parcel.delivered` delivery is acknowledged and dropped (a story\'s own event not kept beside the one the description names)', async () => {
    const { bundle } = await generate(partnerWebhooks);
    const { deliver, queued } = receiverOf(bundle);
    const answer = await deliver({ id: 'evt-1', type: 'parcel.delivered', payload: { parcel: 'p-1' } });
    expect(answer.statusCode).toBe(202);
    expect(queued.length === 1 || storyRow(bundle.coverage, 1)?.status !== 'covered').toBe(true);
  });

  it('fixed FAULT: "Ignore duplicate deliveries with the same event id." gets the gap "nothing leaves these deliveries out … (for forks, on the payload\'s `repository.fork`)", though the receiver queues under the body\'s id and the consumer skips a redelivery (a dedupe read as an exclusion; a gap about forks nobody named)', async () => {
    const { bundle } = await generate(partnerWebhooks);
    const gaps = gapsOf(sentenceRow(bundle.coverage, 4)).join(' ');
    expect(gaps).not.toMatch(/fork|nothing leaves these deliveries out/);
  });

  it('fixed FAULT: "Put ShipmentUpdated events on the logistics EventBridge bus." sends them to the default bus (EventBusName defaults to `default`), and no gap names the logistics bus (a named bus dropped)', async () => {
    const { bundle } = await generate(partnerWebhooks);
    const template = parseBundleTemplate(bundle);
    const busDefault = template.Parameters?.['EventBusName']?.['Default'];
    const said = gapsOf(sentenceRow(bundle.coverage, 5)).some(
      (gap) => /logistics/.test(gap) && /bus/.test(gap),
    );
    expect(busDefault === 'logistics' || said).toBe(true);
  });

  it('checks the X-Partner-Signature the request names: unsigned 401, signed ShipmentUpdated queued under its event id', async () => {
    const { bundle } = await generate(partnerWebhooks);
    const { deliver, queued, header } = receiverOf(bundle);
    expect(header).toBe('x-partner-signature');
    const delivery = { id: 'evt-9', type: 'shipment.updated', payload: { status: 'in transit' } };
    expect((await deliver(delivery, false)).statusCode).toBe(401);
    expect(queued).toEqual([]);
    expect((await deliver(delivery)).statusCode).toBe(202);
    expect(queued).toMatchObject([{ id: 'evt-9', type: 'ShipmentUpdated' }]);
    // The replay window is said, not claimed.
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('not_covered');
  });
});

describe('review 11j: a weekly export to S3 with an email (integration blueprint)', () => {
  const weeklyExport = {
    taskType: 'integration' as const,
    taskName: 'Weekly signups export',
    description:
      "Every Monday at 06:00 UTC, export last week's signups from the users DynamoDB table to a CSV file in the reports S3 bucket. When the export lands, notify the growth team by email at growth@example.com. If the export fails, retry it once and page the on-call engineer.",
    stories: [
      "As a growth analyst I can download last week's signups as a CSV every Monday morning",
      'As a growth analyst I am emailed a link when the export is ready',
    ],
  };

  it('fixed FAULT: "I can download last week\'s signups as a CSV every Monday morning" becomes a message type `download-monday-morning` the consumer accepts, and the PR summary says the service is a consumer "for `download-monday-morning`" (a story with no message in it read as a message type)', async () => {
    const { bundle } = await generate(weeklyExport);
    expect(fileContent(bundle, 'src/messages.ts')).not.toContain('download-monday-morning');
    expect(bundle.summary).not.toContain('download-monday-morning');
  });

  it('lists the schedule, the export and the email as not covered rather than claiming them', async () => {
    const { bundle } = await generate(weeklyExport);
    expect(sentenceRow(bundle.coverage, 1)?.status).toBe('not_covered');
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('not_covered');
    expect(storyRow(bundle.coverage, 2)?.status).toBe('not_covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 3)).join(' ')).toMatch(/change maxReceiveCount to 2/);
  });
});
