import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { webhookProviderOf } from '../../../src/generation/offline/blueprints/integration/webhook-provider.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

/**
 * The integration blueprint's senders and buses (issue #11, review 11l): a provider named only as a
 * way of telling someone (`notified by Slack`) is not who sends the webhooks; a bus events are
 * consumed from gets an EventBridge rule feeding the queue; each named bus keeps its own parameter
 * and events go to the bus their sentence names, or the row says they do not.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const integration = (description: string, stories?: readonly string[]): RequestShape => ({
  taskType: 'integration',
  taskName: 'Bus routes',
  description,
  ...(stories === undefined ? {} : { stories }),
});
const parameterDefault = (bundle: ArtifactBundle, name: string) =>
  parseBundleTemplate(bundle).Parameters?.[name]?.['Default'];

describe('webhookProviderOf: the sender, not a provider named as a way to reach someone', () => {
  it('does not take Slack as the sender of a text that asks for a Slack notice', () => {
    expect(webhookProviderOf(['As a support agent I am notified by Slack when a parcel is returned'])).toBe(
      undefined,
    );
    expect(webhookProviderOf(['Post a Slack message to #ops when a delivery fails'])).toBe(undefined);
  });

  it('still takes Slack as the sender when its events or commands are received', () => {
    expect(webhookProviderOf(['Receive Slack events for messages posted in #support'])?.name).toBe('Slack');
    expect(webhookProviderOf(['Handle slash commands from Slack'])?.name).toBe('Slack');
  });

  it('finds the sender named elsewhere beside a Slack notice (Shopify, listed after Slack)', () => {
    expect(
      webhookProviderOf([
        'Receive Shopify order webhooks',
        'As ops I am alerted in Slack when an order is refunded',
      ])?.name,
    ).toBe('Shopify');
  });
});

describe('a notice through a chat or paging service is not the webhook sender', () => {
  it('checks Shopify deliveries (base64 HMAC gap, Shopify headers) when a story wants a Slack notice', async () => {
    const { bundle } = await generate(
      integration('Receive Shopify webhooks for OrderRefunded events.', [
        'As ops I am alerted in Slack when an order is refunded',
      ]),
    );
    expect(parameterDefault(bundle, 'SignatureHeader')).toBe('x-shopify-hmac-sha256');
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(provider).toMatch(/x-shopify-topic/);
    expect(provider).not.toMatch(/Slack/);
  });

  it('keeps the named header and the plain HMAC check of an unknown sender whose notices go to Slack, Teams, email or PagerDuty', async () => {
    const { bundle } = await generate(
      integration(
        'A webhook receiver for Acme. Acme signs each delivery with HMAC-SHA256 in the X-Acme-Signature header. Send a Slack message to #ops when a delivery is rejected. Email finance when a refund arrives. Page the on-call engineer via PagerDuty when messages fail.',
        ['As a manager I get a Microsoft Teams message when a payout is sent'],
      ),
    );
    expect(parameterDefault(bundle, 'SignatureHeader')).toBe('x-acme-signature');
    expect(fileContent(bundle, 'src/signature.ts')).toContain("createHmac('sha256'");
    expect(fileContent(bundle, 'src/webhook-provider.ts')).not.toMatch(/Slack/);
    expect((sentenceRow(bundle.coverage, 2)?.gaps ?? []).join(' ')).not.toMatch(/Slack/);
  });
});

interface Statement {
  readonly Principal?: unknown;
  readonly Action?: unknown;
  readonly Condition?: unknown;
  readonly Resource?: unknown;
}

/** The rule on the source bus, its target and the queue policy statements. */
function sourceRoute(bundle: ArtifactBundle) {
  const template = parseBundleTemplate(bundle);
  const rules = resourcesOfType(template, 'AWS::Events::Rule');
  const statements = resourcesOfType(template, 'AWS::SQS::QueuePolicy').flatMap(
    ([, policy]) =>
      (policy.Properties?.['PolicyDocument'] as { Statement?: Statement[] } | undefined)?.Statement ?? [],
  );
  return { template, rules, statements };
}

describe('consuming events from a bus', () => {
  it('"Listen to the payments event bus for PaymentCaptured events": a rule on that bus queues them, only it may send, and nothing is published', async () => {
    const { bundle } = await generate(
      integration('Listen to the payments event bus for PaymentCaptured events and queue them.'),
    );
    const { template, rules, statements } = sourceRoute(bundle);
    expect(rules).toHaveLength(1);
    const [ruleId, rule] = rules[0] ?? ['', { Type: '' }];
    expect(rule.Properties).toMatchObject({
      EventBusName: { Ref: 'SourceEventBusName' },
      EventPattern: { 'detail-type': ['PaymentCaptured'] },
      Targets: [{ Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] } }],
    });
    expect(template.Parameters?.['SourceEventBusName']?.['Default']).toBe('payments');
    expect(template.Parameters?.['EventBusName']).toBeUndefined();
    expect(statements).toEqual([
      expect.objectContaining({
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
      }),
    ]);
    expect(JSON.stringify(template.Resources)).not.toContain('events:PutEvents');
    expect(fileContent(bundle, 'test/process-batch.test.ts')).toContain(
      'a PaymentCaptured event from the payments bus is processed once and recorded',
    );
    const row = sentenceRow(bundle.coverage, 1);
    expect(row?.resources).toContain(ruleId);
    expect(row?.tests.map((test) => test.title)).toContain(
      'the source bus rule sends the consumed event types to the queue and the queue policy lets only that rule send',
    );
  });

  it('"Subscribe to OrderShipped events on the logistics EventBridge bus": the logistics bus is read, not written', async () => {
    const { bundle } = await generate(
      integration('Subscribe to OrderShipped events on the logistics EventBridge bus.'),
    );
    expect(parameterDefault(bundle, 'SourceEventBusName')).toBe('logistics');
    expect(parameterDefault(bundle, 'EventBusName')).toBeUndefined();
    expect(sourceRoute(bundle).rules).toHaveLength(1);
  });

  it('the generated consumer reads the EventBridge event the rule queues: its id, detail-type and detail', async () => {
    const { bundle } = await generate(
      integration('Consume OrderPlaced events from the orders bus and record each order.'),
    );
    const { parseMessage } = loadGenerated(bundle, [['src/messages.ts', ['parseMessage']]]) as {
      parseMessage: (body: string) => unknown;
    };
    const event = {
      version: '0',
      id: 'e-1',
      'detail-type': 'OrderPlaced',
      source: 'shop',
      detail: { orderId: 'o-1' },
    };
    expect(parseMessage(JSON.stringify(event))).toEqual({
      ok: true,
      message: { id: 'e-1', type: 'OrderPlaced', payload: { orderId: 'o-1' } },
    });
    expect(parseMessage(JSON.stringify({ ...event, 'detail-type': 'OrderCancelled' }))).toMatchObject({
      ok: false,
    });
  });

  it('a FIFO queue fed by the rule has content-based deduplication and a message group, and the ordering row says the group is one', async () => {
    const { bundle } = await generate(
      integration('Consume OrderPlaced events from the orders bus. Process messages in order per order id.'),
    );
    const { template, rules } = sourceRoute(bundle);
    expect(template.Resources['Queue']?.Properties?.['ContentBasedDeduplication']).toBe(true);
    expect(JSON.stringify(rules[0]?.[1].Properties?.['Targets'])).toContain('MessageGroupId');
    expect((sentenceRow(bundle.coverage, 2)?.gaps ?? []).join(' ')).toMatch(/one message group/);
  });

  it('a story\'s persona receiving events on a bus ("As the warehouse I receive OrderPlaced events on the orders bus") is told by the service: the bus is published on, not read', async () => {
    const { bundle } = await generate(
      integration('Relay orders to the warehouse.', [
        'As the warehouse I receive OrderPlaced events on the orders bus',
      ]),
    );
    expect(sourceRoute(bundle).rules).toHaveLength(0);
    expect(parameterDefault(bundle, 'EventBusName')).toBe('orders');
  });

  it("a bus only published on makes no rule (a producer's event stays a message sent to the queue)", async () => {
    const { bundle } = await generate(
      integration('Put a PaymentSettled event on the billing bus for each settled payment.'),
    );
    expect(sourceRoute(bundle).rules).toHaveLength(0);
    expect(parameterDefault(bundle, 'EventBusName')).toBe('billing');
    expect(parameterDefault(bundle, 'SourceEventBusName')).toBeUndefined();
  });
});

describe('each named bus keeps its own parameter', () => {
  const pipeline =
    'Consume OrderPlaced events from the orders EventBridge bus. Publish a FulfilmentRequested event on the fulfilment bus for each order.';

  it('reads the orders bus, publishes on the fulfilment bus, and never puts OrderPlaced back on the bus it came from', async () => {
    const { bundle } = await generate(integration(pipeline));
    expect(parameterDefault(bundle, 'SourceEventBusName')).toBe('orders');
    expect(parameterDefault(bundle, 'EventBusName')).toBe('fulfilment');
    const handlers = fileContent(bundle, 'src/message-handlers.ts');
    expect(handlers).toContain(
      "'OrderPlaced': async (message) => deps.publish({ ...message, type: 'FulfilmentRequested' })",
    );
    expect(handlers).not.toContain("'OrderPlaced': async (message) => deps.publish(message)");
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).toMatch(/fulfilment bus/);
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).not.toMatch(/orders bus/);
  });

  it('runs the consumed event through the generated handlers: one FulfilmentRequested put for it, none for OrderPlaced', async () => {
    const { bundle } = await generate(integration(pipeline));
    const { createHandlers } = loadGenerated(bundle, [['src/message-handlers.ts', ['createHandlers']]]) as {
      createHandlers: (deps: {
        publish: (message: unknown) => Promise<void>;
      }) => Record<string, (message: unknown) => Promise<void>>;
    };
    const put: unknown[] = [];
    const handlers = createHandlers({ publish: async (message) => void put.push(message) });
    await handlers['OrderPlaced']?.({ id: 'e-1', type: 'OrderPlaced', payload: { orderId: 'o-1' } });
    expect(put).toEqual([{ id: 'e-1', type: 'FulfilmentRequested', payload: { orderId: 'o-1' } }]);
  });

  it('one bus both ways: the rule matches only what is consumed, so what is published on it never comes back', async () => {
    const { bundle } = await generate(
      integration(
        'Consume OrderPlaced events from the orders bus and publish OrderPacked events on the orders bus.',
      ),
    );
    const { rules } = sourceRoute(bundle);
    expect(rules[0]?.[1].Properties?.['EventPattern']).toEqual({ 'detail-type': ['OrderPlaced'] });
    expect(parameterDefault(bundle, 'EventBusName')).toBe('orders');
    expect(fileContent(bundle, 'src/message-handlers.ts')).toContain(
      "'OrderPlaced': async (message) => deps.publish({ ...message, type: 'OrderPacked' })",
    );
  });

  it('a second bus published on is not covered by the first: the row names the bus nothing writes', async () => {
    const { bundle } = await generate(
      integration(
        'Publish PaymentSettled events on the billing bus. Publish AuditRecorded events on the audit bus.',
      ),
    );
    expect(parameterDefault(bundle, 'EventBusName')).toBe('billing');
    expect(sentenceRow(bundle.coverage, 1)?.status).toBe('covered');
    const second = sentenceRow(bundle.coverage, 2);
    expect(second?.status).not.toBe('covered');
    expect((second?.gaps ?? []).join(' ')).toMatch(/audit bus/);
  });

  it('a second bus consumed from is not read: the row says only the first feeds the queue', async () => {
    const { bundle } = await generate(
      integration(
        'Consume OrderPlaced events from the orders bus. Consume ReturnRequested events from the returns bus.',
      ),
    );
    expect(parameterDefault(bundle, 'SourceEventBusName')).toBe('orders');
    const second = sentenceRow(bundle.coverage, 2);
    expect(second?.status).not.toBe('covered');
    expect((second?.gaps ?? []).join(' ')).toMatch(/returns bus/);
  });

  it('several consumed types and a published one: which leads to it is not known, and the row says so', async () => {
    const { bundle } = await generate(
      integration(
        'Consume OrderPlaced and OrderCancelled events from the orders bus. Publish a FulfilmentRequested event on the fulfilment bus.',
      ),
    );
    const handlers = fileContent(bundle, 'src/message-handlers.ts');
    expect(handlers).not.toContain("type: 'FulfilmentRequested' }");
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('partial');
    expect((row?.gaps ?? []).join(' ')).toMatch(
      /which of the consumed OrderPlaced, OrderCancelled events leads to FulfilmentRequested/,
    );
  });
});
