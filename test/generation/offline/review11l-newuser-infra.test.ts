import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Review 11l, a new-user pass (platform team) over issue #11 item 2 for the infrastructure, testing
 * and integration blueprints, written the way teams write requests: an audit-log bucket ("Only the
 * security team role can read the bucket"), a carrier's webhook receiver (ShipFast signs with
 * HMAC-SHA256; a story wants a Slack notice), an event-driven fulfilment pipeline (consume
 * OrderPlaced from the orders bus, publish FulfilmentRequested on the fulfilment bus), and a
 * checkout canary ("every 10 minutes on weekdays", "within 5 seconds"). Templates and generated
 * sources are read; rows are read as the PR body shows them. Attacked: whether each ✅ is what the
 * template does. Each FAULT test asserts the right answer and is `it.failing` while the fault exists
 * (`fixed FAULT` once it is fixed).
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');

const auditBucket = {
  taskType: 'infrastructure' as const,
  taskName: 'Audit log bucket',
  environment: 'production',
  description:
    'An S3 bucket for our audit logs. Versioning must be enabled. Block all public access. Objects move to Glacier after 90 days. Delete noncurrent versions after 30 days. Keep audit logs for 3 years and then delete them. Email security@example.com when an object lands in the incoming/ prefix. Only the security team role can read the bucket.',
};

interface Statement {
  readonly Effect?: string;
  readonly Action?: string | readonly string[];
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Condition?: unknown;
}

describe('review 11l: an audit-log bucket', () => {
  it('"Only the security team role can read the bucket." is not ✅ covered by a private bucket: no bucket policy limits reads to a role, and the row says so (or a policy naming the role limits them)', async () => {
    const { bundle } = await generate(auditBucket);
    const template = parseBundleTemplate(bundle);
    const statements = resourcesOfType(template, 'AWS::S3::BucketPolicy').flatMap(
      ([, policy]) =>
        (policy.Properties?.['PolicyDocument'] as { Statement?: Statement[] } | undefined)?.Statement ?? [],
    );
    const limitsReads = statements.some(
      (statement) =>
        statement.Effect === 'Deny' &&
        JSON.stringify(statement.Action ?? '').includes('GetObject') &&
        (statement.NotPrincipal !== undefined ||
          JSON.stringify(statement.Condition ?? '').includes('Principal')),
    );
    expect(limitsReads || sentenceRow(bundle.coverage, 8)?.status !== 'covered').toBe(true);
  });

  it('keeps versions, blocks public access, moves to Glacier at 90 days, expires after 3 years and filters the email notice to incoming/', async () => {
    const { bundle } = await generate(auditBucket);
    const [bucket] = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket');
    const properties = bucket?.[1].Properties ?? {};
    expect(properties['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    const rules = (properties['LifecycleConfiguration'] as { Rules: Record<string, unknown>[] }).Rules;
    const allObjects = rules.find((rule) => rule['Id'] === 'all-objects');
    expect(allObjects?.['Transitions']).toEqual([{ StorageClass: 'GLACIER', TransitionInDays: 90 }]);
    expect(allObjects?.['ExpirationInDays']).toBeGreaterThanOrEqual(1095);
    expect(JSON.stringify(properties['NotificationConfiguration'])).toContain('incoming/');
    expect(sentenceRow(bundle.coverage, 7)?.status).toBe('covered');
  });
});

const shippingWebhooks = {
  taskType: 'integration' as const,
  taskName: 'Shipping webhooks',
  description:
    'A webhook receiver for our carrier, ShipFast. ShipFast signs each delivery with HMAC-SHA256 in the X-ShipFast-Signature header. When a parcel is delivered, publish a ParcelDelivered event on the logistics bus. Retry failed messages 5 times before they go to the dead-letter queue. Keep dead letters for 7 days. Process messages in order per shipment id.',
  stories: ['As a support agent I am notified by Slack when a parcel is returned'],
};

describe('review 11l: a carrier webhook receiver', () => {
  it('fixed FAULT: a story asking for a Slack notice makes Slack the webhook SENDER: ShipFast\'s own sentence "signs each delivery with HMAC-SHA256 in the X-ShipFast-Signature header" is ◐ partial with the gap "Slack signs `v0:…`, so the generated check refuses its deliveries", and src/webhook-provider.ts documents Slack\'s headers — the sender is the one that delivers (ShipFast), whose plain HMAC the generated check does verify', async () => {
    const { bundle } = await generate(shippingWebhooks);
    expect(fileContent(bundle, 'src/signature.ts')).toContain("createHmac('sha256'");
    expect(gapsOf(sentenceRow(bundle.coverage, 2))).not.toMatch(/Slack/);
    expect(fileContent(bundle, 'src/webhook-provider.ts')).not.toMatch(/Slack/);
  });

  it('names the header, the logistics bus, FIFO per shipmentId, and says the retry count and the 7 days are not what was generated', async () => {
    const { bundle } = await generate(shippingWebhooks);
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['SignatureHeader']?.['Default']).toBe('x-shipfast-signature');
    expect(template.Parameters?.['EventBusName']?.['Default']).toBe('logistics');
    expect(fileContent(bundle, 'src/send-message.ts')).toContain(
      "GROUP_FIELD: string | undefined = 'shipmentId'",
    );
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('partial');
    expect(sentenceRow(bundle.coverage, 5)?.status).not.toBe('covered');
  });
});

interface Queued {
  readonly id: string;
  readonly type: string;
}
/** The generated receiver with a fixed secret, its signature header as the template names it. */
function shipFastReceiverOf(bundle: ArtifactBundle) {
  const loaded = loadGenerated(bundle, [
    ['src/receive-webhook.ts', ['receiveWebhook']],
    ['src/signature.ts', ['sign']],
  ]);
  const receive = loaded['receiveWebhook'] as (
    event: Record<string, unknown>,
    deps: Record<string, unknown>,
  ) => Promise<{ statusCode: number; body: string }>;
  const sign = loaded['sign'] as (body: string, secret: string) => string;
  const queued: Queued[] = [];
  const deliver = async (payload: unknown, signature?: string) => {
    const body = JSON.stringify(payload);
    return receive(
      {
        routeKey: 'POST /webhooks',
        body,
        headers: { 'x-shipfast-signature': signature ?? sign(body, 'shh') },
      },
      {
        secret: async () => 'shh',
        enqueue: async (message: Queued) => {
          queued.push(message);
        },
        signatureHeader: 'x-shipfast-signature',
        log: () => undefined,
      },
    );
  };
  return { deliver, queued };
}

describe('review 11l: ShipFast deliveries through the generated receiver', () => {
  it('queues a signed parcel.delivered as ParcelDelivered, refuses a wrong signature with 401 and acknowledges an unhandled type as ignored', async () => {
    const { bundle } = await generate(shippingWebhooks);
    const { deliver, queued } = shipFastReceiverOf(bundle);
    expect((await deliver({ id: 'e1', type: 'parcel.delivered', shipmentId: 's1' })).statusCode).toBe(202);
    const forged = await deliver({ id: 'e2', type: 'parcel.delivered', shipmentId: 's2' }, 'sha256=00');
    expect(forged.statusCode).toBe(401);
    const returned = await deliver({ id: 'e3', type: 'parcel.returned', shipmentId: 's1' });
    expect(JSON.parse(returned.body)).toMatchObject({ status: 'ignored' });
    expect(queued.map((message) => [message.id, message.type])).toEqual([['e1', 'ParcelDelivered']]);
  });
});

const fulfilmentPipeline = {
  taskType: 'integration' as const,
  taskName: 'Order fulfilment pipeline',
  description:
    'Consume OrderPlaced events from the orders EventBridge bus and queue them for the fulfilment worker. Each message is processed exactly once. Publish a FulfilmentRequested event on the fulfilment bus for each order. Messages that fail 3 times go to a dead-letter queue and page the on-call engineer.',
};

describe('review 11l: an event-driven fulfilment pipeline', () => {
  it('fixed FAULT: "Consume OrderPlaced events from the orders EventBridge bus and queue them" is ✅ covered, but no EventBridge rule feeds the queue (no AWS::Events::Rule at all): the service PUBLISHES OrderPlaced to the orders bus instead — a rule on the orders bus matching OrderPlaced targets the queue, or the row is not covered', async () => {
    const { bundle } = await generate(fulfilmentPipeline);
    const rules = resourcesOfType(parseBundleTemplate(bundle), 'AWS::Events::Rule');
    expect(rules.length > 0 || sentenceRow(bundle.coverage, 1)?.status !== 'covered').toBe(true);
  });

  it('fixed FAULT: "Publish a FulfilmentRequested event on the fulfilment bus" is ✅ covered by events "on the orders bus" (one EventBusName, default orders): the event goes to the bus the request reads FROM — the fulfilment bus is where it is put, or the row says it is not', async () => {
    const { bundle } = await generate(fulfilmentPipeline);
    const row = sentenceRow(bundle.coverage, 3);
    const busDefaults = Object.entries(parseBundleTemplate(bundle).Parameters ?? {})
      .filter(([name]) => name.includes('Bus'))
      .map(([, parameter]) => parameter['Default']);
    expect(busDefaults.includes('fulfilment') || row?.status !== 'covered').toBe(true);
  });

  it('claims each message id before processing and says "3 times" is not the generated retry count', async () => {
    const { bundle } = await generate(fulfilmentPipeline);
    expect(resourcesOfType(parseBundleTemplate(bundle), 'AWS::DynamoDB::Table').length).toBe(1);
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 4))).toMatch(/maxReceiveCount/);
  });
});

const checkoutCanary = {
  taskType: 'testing' as const,
  taskName: 'Checkout canary',
  strategy: 'canary' as const,
  description:
    'A synthetic check for the checkout API at https://api.example.com. Run it every 10 minutes on weekdays. GET /health returns 200. POST /carts returns 201. Alert the on-call team after 2 failures in a row. Each check must finish within 5 seconds.',
};

describe('review 11l: a checkout canary', () => {
  it('"Run it every 10 minutes on weekdays." runs on cron(0/10 * ? * MON-FRI *), not a rate() that also runs at weekends (or the row is partial naming the weekend runs)', async () => {
    const { bundle } = await generate(checkoutCanary);
    const schedule = String(parseBundleTemplate(bundle).Parameters?.['ScheduleExpression']?.['Default']);
    expect(schedule.includes('MON-FRI') || sentenceRow(bundle.coverage, 2)?.status !== 'covered').toBe(true);
  });

  it('"Each check must finish within 5 seconds." is the budget every check has (maxLatencyMs: 5000 in src/checks.ts, not the default 3000 ms), and the row is covered by it', async () => {
    const { bundle } = await generate(checkoutCanary);
    expect(fileContent(bundle, 'src/checks.ts')).toContain('maxLatencyMs: 5000');
    expect(sentenceRow(bundle.coverage, 6)?.status).toBe('covered');
  });

  it('checks both spelled routes and alarms after two failed runs in a row', async () => {
    const { bundle } = await generate(checkoutCanary);
    const checks = fileContent(bundle, 'src/checks.ts');
    expect(checks).toContain("path: '/health', expectedStatus: [200]");
    expect(checks).toContain("path: '/carts', expectedStatus: [201]");
    const alarms = resourcesOfType(parseBundleTemplate(bundle), 'AWS::CloudWatch::Alarm');
    expect(alarms.some(([, alarm]) => alarm.Properties?.['DatapointsToAlarm'] === 2)).toBe(true);
  });
});
