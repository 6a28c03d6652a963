import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import type { IntegrationAsks } from './integration-asks.js';
import { FILES, TITLES, providerTitle, typeTitle } from './integration-test-titles.js';
import type { WebhookProvider } from './webhook-provider.js';
import type { StoryMessage } from './message-types.js';
import { distinctMessageTypes } from './message-types.js';

/** Jest suites: idempotency, retries and poison messages; each type end to end; the webhook receiver and the bus when asked. */
export function integrationTests(params: {
  baseDir: string;
  messages: readonly StoryMessage[];
  asks: IntegrationAsks;
}): GeneratedFile[] {
  const { baseDir, messages, asks } = params;
  const bus = asks.eventBus !== undefined;
  const types = distinctMessageTypes(messages);
  const first = codeLiteral(types[0] ?? 'record-item');
  const handlersCall = bus
    ? 'createHandlers({ publish: async (message) => void published.push(message) })'
    : 'createHandlers({})';
  const header = `import { createHandlers } from '../src/message-handlers';
import type { Message } from '../src/messages';
import type { MessageHandlers } from '../src/process-batch';
import { processBatch } from '../src/process-batch';
import { InMemoryProcessedStore } from '../src/processed-store';
import type { SqsEvent } from '../src/sqs-types';

const NOW = new Date('2030-01-01T00:00:00Z');

function batch(...bodies: unknown[]): SqsEvent {
  return {
    Records: bodies.map((body, index) => ({ messageId: 'sqs-' + String(index + 1), body: typeof body === 'string' ? body : JSON.stringify(body) })),
  };
}

function setup(handlers?: MessageHandlers) {
  const store = new InMemoryProcessedStore();
  const logs: Record<string, unknown>[] = [];
  const published: Message[] = [];
  const used = handlers ?? ${handlersCall};
  const run = (event: SqsEvent) => processBatch(event, { store, handlers: used, now: () => NOW, leaseSeconds: 180, log: (entry) => logs.push(entry) });
  return { store, logs, run, published };
}
`;
  const fixed = `
describe('processBatch', () => {
  it(${codeLiteral(TITLES.once)}, async () => {
    let calls = 0;
    const { run, store } = setup({ ...createHandlers(${bus ? '{ publish: async () => undefined }' : '{}'}), [${first}]: async () => void calls++ });
    const message = { id: 'm-1', type: ${first}, payload: { n: 1 } };
    expect(await run(batch(message, message))).toEqual({ batchItemFailures: [] });
    expect(await run(batch(message))).toEqual({ batchItemFailures: [] });
    expect(calls).toBe(1);
    expect(store.completed().size).toBe(1);
  });

  it(${codeLiteral(TITLES.poison)}, async () => {
    const { run, logs } = setup();
    const result = await run(batch('not json', { id: 'x', type: 'no-such-type', payload: {} }, { id: 'bad id!', type: ${first}, payload: {} }));
    expect(result.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(['sqs-1', 'sqs-2', 'sqs-3']);
    expect(logs.filter((entry) => entry['level'] === 'error')).toHaveLength(3);
  });

  it(${codeLiteral(TITLES.retry)}, async () => {
    let attempts = 0;
    const flaky = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('downstream unavailable');
    };
    const { run, store } = setup({ ...createHandlers(${bus ? '{ publish: async () => undefined }' : '{}'}), [${first}]: flaky });
    const message = { id: 'm-2', type: ${first}, payload: {} };
    expect((await run(batch(message))).batchItemFailures).toEqual([{ itemIdentifier: 'sqs-1' }]);
    expect(await run(batch(message))).toEqual({ batchItemFailures: [] });
    expect(attempts).toBe(2);
    expect(store.completed().get('m-2')?.type).toBe(${first});
  });

  it(${codeLiteral(TITLES.mixed)}, async () => {
    const { run } = setup();
    const result = await run(batch({ id: 'good', type: ${first}, payload: {} }, '{'));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-2' }]);
  });
});

describe('InMemoryProcessedStore', () => {
  it(${codeLiteral(TITLES.lease)}, async () => {
    const store = new InMemoryProcessedStore();
    expect(await store.claim('k', { now: NOW, leaseSeconds: 60 })).toBe(true);
    expect(await store.claim('k', { now: new Date(NOW.getTime() + 30_000), leaseSeconds: 60 })).toBe(false);
    expect(await store.claim('k', { now: new Date(NOW.getTime() + 61_000), leaseSeconds: 60 })).toBe(true);
    await store.complete('k', { type: 't', processedAt: NOW.toISOString(), payload: {} });
    expect(await store.claim('k', { now: new Date(NOW.getTime() + 999_000), leaseSeconds: 60 })).toBe(false);
  });
});
`;
  const perType = asks.webhook
    ? ''
    : `\ndescribe('message types', () => {\n${types.map((type) => typeTest(type, bus)).join('\n')}});\n`;
  const files: GeneratedFile[] = [
    { path: `${baseDir}/${FILES.batch}`, role: 'test', content: `${header}${fixed}${perType}` },
  ];
  if (asks.webhook)
    files.push({
      path: `${baseDir}/${FILES.webhook}`,
      role: 'test',
      content: webhookTests(types, bus, asks.provider),
    });
  if (bus) files.push({ path: `${baseDir}/${FILES.bus}`, role: 'test', content: BUS_TEST });
  return files;
}

function typeTest(type: string, bus: boolean): string {
  const literal = codeLiteral(type);
  const published = bus
    ? `    expect(published).toEqual([{ id: 'm-${type}', type: ${literal}, payload: { amount: 1 } }]);\n`
    : '';
  return `  it(${codeLiteral(typeTitle(type, false, bus))}, async () => {
    const { run, store${bus ? ', published' : ''} } = setup();
    const message = { id: 'm-${type}', type: ${literal}, payload: { amount: 1 } };
    expect(await run(batch(message, message))).toEqual({ batchItemFailures: [] });
    expect([...store.completed().values()]).toEqual([{ type: ${literal}, processedAt: NOW.toISOString(), payload: { amount: 1 } }]);
${published}  });
`;
}

/**
 * A sender that names its event and delivery in headers (GitHub: X-GitHub-Event, X-GitHub-Delivery)
 * is read by those headers: a body without type or id is typed and deduplicated by them.
 */
function providerTest(provider: WebhookProvider | undefined, types: readonly string[]): string {
  if (provider?.eventHeader === undefined || provider.deliveryHeader === undefined) return '';
  const first = codeLiteral(types[0] ?? 'record-item');
  const event = codeLiteral((types[0] ?? 'record_item').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
  return `  it(${codeLiteral(providerTitle(provider))}, async () => {
    const { drain, queued, store, deps } = setup();
    const payload = { action: 'opened', number: 1 };
    const body = JSON.stringify(payload);
    const headers = (delivery: string) => ({ [${codeLiteral(provider.eventHeader)}]: ${event}, [${codeLiteral(provider.deliveryHeader)}]: delivery, [DELIVERY_HEADERS.signature]: sign(body, SECRET) });
    expect(await receiveWebhook({ headers: headers('72d3162e-cc78-11e3-81ab-4c9367dc0958'), body }, deps)).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'queued', id: '72d3162e-cc78-11e3-81ab-4c9367dc0958' }) });
    expect((await receiveWebhook({ headers: headers('72d3162e-cc78-11e3-81ab-4c9367dc0958'), body }, deps)).statusCode).toBe(202);
    expect((await receiveWebhook({ headers: headers('a7b1c2d3-0000-11e3-81ab-4c9367dc0958'), body }, deps)).statusCode).toBe(202);
    expect(queued.map((message) => [message.id, message.type])).toEqual([
      ['72d3162e-cc78-11e3-81ab-4c9367dc0958', ${first}],
      ['72d3162e-cc78-11e3-81ab-4c9367dc0958', ${first}],
      ['a7b1c2d3-0000-11e3-81ab-4c9367dc0958', ${first}],
    ]);
    expect(await drain()).toEqual({ batchItemFailures: [] });
    expect([...store.completed().keys()].sort()).toEqual(['72d3162e-cc78-11e3-81ab-4c9367dc0958', 'a7b1c2d3-0000-11e3-81ab-4c9367dc0958']);
  });

`;
}

function webhookTests(types: readonly string[], bus: boolean, provider: WebhookProvider | undefined): string {
  const first = codeLiteral(types[0] ?? 'record-item');
  const handlers = bus
    ? 'createHandlers({ publish: async (message) => void published.push(message) })'
    : 'createHandlers({})';
  const perType = types.map((type) => {
    const literal = codeLiteral(type);
    const dotted = codeLiteral(type.replace(/([a-z0-9])([A-Z])/g, '$1.$2').toLowerCase());
    const check = bus
      ? `    expect(published).toEqual([{ id: 'delivery-1', type: ${literal}, payload: delivery }]);`
      : `    expect([...store.completed().keys()]).toEqual(['delivery-1']);`;
    return `  it(${codeLiteral(typeTitle(type, true, bus))}, async () => {
    const { deliver, drain, ${bus ? 'published' : 'store'} } = setup();
    const delivery = { id: 'delivery-1', type: ${dotted}, amount: 12.5 };
    expect((await deliver(delivery)).statusCode).toBe(202);
    expect(await drain()).toEqual({ batchItemFailures: [] });
${check}
  });
`;
  });
  return `import { createHandlers } from '../src/message-handlers';
import type { Message } from '../src/messages';
import { processBatch } from '../src/process-batch';
import { InMemoryProcessedStore } from '../src/processed-store';
import { receiveWebhook } from '../src/receive-webhook';
import { sign } from '../src/signature';
import { DELIVERY_HEADERS } from '../src/webhook-provider';

const SECRET = 'test-signing-secret';

/** The receiver on an in-memory queue, and the consumer draining that queue: the whole path without AWS. */
function setup() {
  const queued: Message[] = [];
  const published: Message[] = [];
  const logs: Record<string, unknown>[] = [];
  let rejected = 0;
  const store = new InMemoryProcessedStore();
  const deps = {
    secret: async () => SECRET,
    enqueue: async (message: Message) => void queued.push(message),
    signatureHeader: DELIVERY_HEADERS.signature,
    eventHeader: DELIVERY_HEADERS.event,
    deliveryHeader: DELIVERY_HEADERS.delivery,
    log: (entry: Record<string, unknown>) => void logs.push(entry),
    countRejected: () => void (rejected += 1),
  };
  const deliver = (value: unknown, signature?: string) => {
    const body = JSON.stringify(value);
    return receiveWebhook({ headers: { [DELIVERY_HEADERS.signature]: signature ?? sign(body, SECRET) }, body }, deps);
  };
  const drain = () =>
    processBatch(
      { Records: queued.splice(0).map((message, index) => ({ messageId: 'sqs-' + String(index + 1), body: JSON.stringify(message) })) },
      { store, handlers: ${handlers}, now: () => new Date('2030-01-01T00:00:00Z'), leaseSeconds: 180, log: () => undefined },
    );
  return { deliver, drain, queued, published, logs, store, rejected: () => rejected, deps };
}

describe('receiveWebhook', () => {
  it(${codeLiteral(TITLES.accepted)}, async () => {
    const { deliver, drain, queued, store } = setup();
    const delivery = { id: 'delivery-7', type: ${first}, amount: 3 };
    expect(await deliver(delivery)).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'queued', id: 'delivery-7' }) });
    expect(queued).toEqual([{ id: 'delivery-7', type: ${first}, payload: delivery }]);
    expect((await deliver(delivery)).statusCode).toBe(202);
    expect(await drain()).toEqual({ batchItemFailures: [] });
    expect([...store.completed().keys()]).toEqual(['delivery-7']);
  });

  it(${codeLiteral(TITLES.rejected)}, async () => {
    const { deliver, queued, logs, rejected, deps } = setup();
    const delivery = { id: 'delivery-8', type: ${first} };
    expect((await deliver(delivery, sign(JSON.stringify(delivery), 'wrong-secret'))).statusCode).toBe(401);
    expect((await deliver(delivery, 'sha256=' + '0'.repeat(64))).statusCode).toBe(401);
    expect((await receiveWebhook({ body: JSON.stringify(delivery) }, deps)).statusCode).toBe(401);
    expect(queued).toEqual([]);
    expect(rejected()).toBe(3);
    expect(logs.map((entry) => [entry['outcome'], entry['reason']])).toEqual([
      ['signature-rejected', 'signature does not match'],
      ['signature-rejected', 'signature does not match'],
      ['signature-rejected', 'no signature header'],
    ]);
  });

${providerTest(provider, types)}  it(${codeLiteral(TITLES.ignored)}, async () => {
    const { deliver, queued, logs } = setup();
    expect(await deliver({ id: 'delivery-9', type: 'something.else' })).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'ignored', id: 'delivery-9' }) });
    expect(queued).toEqual([]);
    expect(logs).toEqual([expect.objectContaining({ outcome: 'ignored-type', type: 'something.else' })]);
    expect((await deliver('not an object')).statusCode).toBe(400);
  });
});

describe('message types, end to end', () => {
${perType.join('\n')}});
`;
}

const BUS_TEST = `import { createEventBusPublisher } from '../src/event-bus';
import type { PutEventsEntry } from '../src/event-bus';

describe('createEventBusPublisher', () => {
  it(${codeLiteral(TITLES.bus)}, async () => {
    const sent: PutEventsEntry[][] = [];
    const publish = createEventBusPublisher({
      busName: 'orders',
      source: 'the-integration',
      putEvents: async (entries) => {
        sent.push(entries);
        return { FailedEntryCount: 0, Entries: [{}] };
      },
    });
    await publish({ id: 'm-1', type: 'ThingHappened' as never, payload: { amount: 1 } });
    expect(sent).toEqual([[{ EventBusName: 'orders', Source: 'the-integration', DetailType: 'ThingHappened', Detail: JSON.stringify({ id: 'm-1', payload: { amount: 1 } }) }]]);
    const refused = createEventBusPublisher({
      busName: 'orders',
      source: 'the-integration',
      putEvents: async () => ({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] }),
    });
    await expect(refused({ id: 'm-2', type: 'ThingHappened' as never, payload: {} })).rejects.toThrow('EventBridge refused the event: InternalFailure try again');
  });
});
`;
