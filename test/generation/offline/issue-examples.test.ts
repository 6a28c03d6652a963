import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/** The faults issue #11 names, each asserted the right way round, on the shipped examples. */
async function example(name: string) {
  const request = JSON.parse(
    readFileSync(join(process.cwd(), 'examples', `${name}.request.json`), 'utf8'),
  ) as RequestPayload;
  return (await createOfflineProvider().generate({ request, context: { owner: 'acme', repo: 'shop' } }))
    .bundle;
}

function routeKeys(template: ReturnType<typeof parseBundleTemplate>): unknown[] {
  return resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(
    ([, route]) => route.Properties?.['RouteKey'],
  );
}

describe('the Orders API example', () => {
  it('serves one order model: the routes a customer and a support agent need connect, with no invented collections', async () => {
    const bundle = await example('orders-api');
    expect(routeKeys(parseBundleTemplate(bundle))).toEqual([
      'GET /health',
      'POST /orders',
      'GET /orders/{id}',
      'GET /orders',
      'POST /orders/{id}/cancel',
    ]);
    const model = fileContent(bundle, 'src/model.ts');
    // "one or more items": a list of at least one; "a customer's orders": orders belong to a customer.
    expect(model).toContain("{ name: 'items', type: 'list', required: true, minItems: 1 }");
    expect(model).toContain("ownerField: 'customerId'");
    expect(model).toContain(
      "status: { initial: 'placed', transitions: { 'cancel': 'cancelled' }, terminal: ['cancelled'] }",
    );
    expect(fileContent(bundle, 'src/routes.ts')).toContain("refusedFrom: ['shipped']");
  });

  it('publishes an event on every status change, as the description asks, and says so with its tests', async () => {
    const bundle = await example('orders-api');
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['EventBusName']?.['Default']).toBe('default');
    expect(JSON.stringify(template.Resources['ApiFunctionRole'])).toContain('events:PutEvents');
    expect(template.Resources['StatusEventsNotPublishedAlarm']?.Type).toBe('AWS::CloudWatch::Alarm');
    const description = bundle.coverage?.find((row) => row.source.kind === 'description');
    expect(description).toMatchObject({ status: 'covered' });
    expect(description?.tests.map((test) => test.title)).toEqual(
      expect.arrayContaining([
        'every order status change is published',
        'puts each status change on the bus and fails on a refused entry',
      ]),
    );
  });

  it('says what it cannot promise: "my" without an authorizer, and a status no route sets', async () => {
    const rows = (await example('orders-api')).coverage ?? [];
    const story = (number: number) =>
      rows.find((row) => row.source.kind === 'story' && row.source.number === number);
    expect(story(1)).toMatchObject({ status: 'covered' });
    expect(story(2)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('"my" is not enforced')],
    });
    expect(story(3)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('no route of this service makes an order shipped')],
    });
    expect(story(4)).toMatchObject({
      status: 'covered',
      implementedBy: expect.stringContaining('GET /orders lists orders, by customerId'),
    });
  });
});

describe('routes never act on a collection nothing writes', () => {
  it.each([
    [
      [
        'As a clerk I can add a product',
        'As a clerk I can update a product',
        'As a clerk I can list products',
        'As a manager I can remove a product',
        'As a buyer I can browse the catalogue',
      ],
    ],
    [
      [
        'As an admin I can delete a product',
        'As a clerk I can update an invoice',
        'As a support agent I can close a ticket',
      ],
    ],
    [['As an auditor I can export the monthly report', 'As a user I can look at my invoices']],
  ])('%j', async (stories) => {
    const { bundle } = await generate({ taskType: 'application', taskName: 'Inventory Service', stories });
    const keys = routeKeys(parseBundleTemplate(bundle)).map(String);
    for (const key of keys.filter((candidate) => candidate !== 'GET /health')) {
      const collection = key.split(' ')[1]?.split('/')[1] ?? '';
      expect({
        key,
        writer: keys.includes(`POST /${collection}`),
        reader: keys.includes(`GET /${collection}/{id}`),
      }).toEqual({ key, writer: true, reader: true });
    }
  });
});

describe('the event archive bucket example', () => {
  it('moves objects to Glacier after 90 days and keeps them seven years, as the description asks', async () => {
    const bundle = await example('event-archive-bucket');
    const bucket = parseBundleTemplate(bundle).Resources['DataBucket']?.Properties ?? {};
    // "archives … for seven years" keeps them (a lifecycle floor); only "locked", "immutable" or
    // "cannot be deleted" asks for Object Lock, which can never be turned off (#11).
    expect(bucket['ObjectLockConfiguration']).toBeUndefined();
    const rules = (bucket['LifecycleConfiguration'] as { Rules: unknown[] }).Rules;
    expect(rules).toContainEqual(
      expect.objectContaining({ Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }] }),
    );
    // Nothing asks to delete them afterwards (#11 review 11f); deleted objects stay restorable 7 years.
    expect(
      rules.filter((rule) => (rule as Record<string, unknown>)['ExpirationInDays'] !== undefined),
    ).toEqual([]);
    expect(parseBundleTemplate(bundle).Parameters?.['NoncurrentVersionRetentionDays']?.['Default']).toBe(
      7 * 365 + 2,
    );
    expect(bundle.coverage).toEqual([
      expect.objectContaining({
        source: { kind: 'description', sentence: 1 },
        status: 'covered',
        tests: expect.arrayContaining([
          expect.objectContaining({ title: 'objects move to GLACIER after 90 days' }),
          expect.objectContaining({ title: 'no lifecycle rule deletes an object before it is 7 years old' }),
        ]),
      }),
    ]);
  });

  it('notifies the topic when an object lands only when asked, and never counts a bare topic as that', async () => {
    const lands = await generate({
      taskType: 'infrastructure',
      taskName: 'Exports',
      stories: ['As an analyst I am notified when an export lands'],
    });
    const alarms = await generate({
      taskType: 'infrastructure',
      taskName: 'Exports',
      stories: ['As an operator I am notified when alarms fire'],
    });
    expect(
      parseBundleTemplate(lands.bundle).Resources['DataBucket']?.Properties?.['NotificationConfiguration'],
    ).toEqual({
      TopicConfigurations: [{ Event: 's3:ObjectCreated:*', Topic: { Ref: 'NotificationsTopic' } }],
    });
    expect(lands.bundle.coverage?.[0]?.tests.map((test) => test.title)).toEqual([
      'a new object publishes to the notifications topic',
    ]);
    expect(
      parseBundleTemplate(alarms.bundle).Resources['DataBucket']?.Properties?.['NotificationConfiguration'],
    ).toBeUndefined();
    expect(alarms.bundle.coverage?.[0]?.tests.map((test) => test.title)).toEqual([
      'cloudwatch alarms may publish to the encrypted topic',
    ]);
  });

  it('lists a story it has nothing for as not covered, rather than passing a test for it', async () => {
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Shared',
      stories: ['As a finance lead I can see the monthly cost per team'],
    });
    expect(bundle.coverage?.[0]).toMatchObject({ status: 'not_covered', tests: [] });
  });
});

describe('the payments webhook example', () => {
  it('receives webhooks over HTTP, checks their signature and puts the named events on the orders bus', async () => {
    const bundle = await example('payments-webhook');
    const template = parseBundleTemplate(bundle);
    expect(routeKeys(template)).toEqual(['POST /webhooks']);
    expect(template.Resources['WebhookSecret']?.Type).toBe('AWS::SecretsManager::Secret');
    expect(template.Resources['SignatureRejectedAlarm']?.Properties).toMatchObject({
      MetricName: 'SignatureRejected',
    });
    expect(template.Parameters?.['EventBusName']?.['Default']).toBe('orders');
    expect(fileContent(bundle, 'src/messages.ts')).toContain(
      "export const MESSAGE_TYPES = ['PaymentSettled', 'PaymentFailed'] as const;",
    );
    expect(fileContent(bundle, 'src/signature.ts')).toContain('timingSafeEqual');
    const rows = bundle.coverage ?? [];
    expect(rows.find((row) => row.source.kind === 'story' && row.source.number === 2)).toMatchObject({
      status: 'covered',
    });
    // The provider's scheme is not in the request: what was assumed is said.
    // The provider's event names are not known either: the spelling each type is taken by is said, once.
    expect(rows.find((row) => row.source.kind === 'description')).toMatchObject({
      status: 'partial',
      // (fix14d: the spelling is a limit of receiving the webhooks too, so it comes first.)
      gaps: [
        expect.stringContaining(
          'only when its type spells it (`payment.settled` or `PaymentSettled` for PaymentSettled, `payment.failed` or `PaymentFailed` for PaymentFailed)',
        ),
        expect.stringContaining('signature scheme is assumed'),
      ],
    });
  });
});
