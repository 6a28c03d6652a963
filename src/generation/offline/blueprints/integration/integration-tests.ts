import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import type { IntegrationAsks } from './integration-asks.js';
import { fifoTests } from './fifo-tests.js';
import { integrationTemplateTests } from './integration-template-test.js';
import { FILES, TITLES, consumedTitle, typeTitle } from './integration-test-titles.js';
import { consumedTypes, publishedFor } from './bus-routes.js';
import type { StoryMessage } from './message-types.js';
import { distinctMessageTypes } from './message-types.js';
import { webhookTests } from './webhook-tests.js';

/** Jest suites: idempotency, retries and poison messages; each type end to end; the webhook receiver and the bus when asked. */
export function integrationTests(params: {
  baseDir: string;
  messages: readonly StoryMessage[];
  asks: IntegrationAsks;
  /** The template's default log retention, in days (`logRetentionDefault`: the days asked, else by environment). */
  logDays: number;
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
${
  asks.fifo === undefined
    ? "    expect(logs.filter((entry) => entry['level'] === 'error')).toHaveLength(3);"
    : "    // FIFO: the first failure stops the batch; the later two go back unprocessed.\n    expect(logs.filter((entry) => entry['level'] === 'error')).toHaveLength(1);\n    expect(logs.filter((entry) => entry['outcome'] === 'returned-unprocessed')).toHaveLength(2);"
}
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
  const consumed = consumedTypes(asks, types);
  const sent = types.filter((type) => !consumed.includes(type));
  const perType =
    asks.webhook || sent.length === 0
      ? ''
      : `\ndescribe('message types', () => {\n${sent.map((type) => typeTest(type, bus)).join('\n')}});\n`;
  const fromBus =
    asks.sourceBus === undefined
      ? ''
      : `\ndescribe('events from the ${asks.sourceBus.name} bus', () => {\n${consumed
          .map((type) =>
            consumedTest(type, asks.sourceBus?.name ?? 'default', publishedFor(asks, types, type)),
          )
          .join('\n')}});\n`;
  const files: GeneratedFile[] = [
    { path: `${baseDir}/${FILES.batch}`, role: 'test', content: `${header}${fixed}${perType}${fromBus}` },
    ...integrationTemplateTests({
      baseDir,
      logDays: params.logDays,
      ...(asks.sourceBus === undefined ? {} : { consumed }),
    }),
  ];
  if (asks.webhook)
    files.push({
      path: `${baseDir}/${FILES.webhook}`,
      role: 'test',
      content: webhookTests({ messages, bus, provider: asks.provider }),
    });
  if (bus) files.push({ path: `${baseDir}/${FILES.bus}`, role: 'test', content: BUS_TEST });
  if (asks.fifo !== undefined)
    files.push({
      path: `${baseDir}/${FILES.fifo}`,
      role: 'test',
      content: fifoTests({ type: types[0] ?? 'record-item', groupField: asks.fifo.groupField, bus }),
    });
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

/** An EventBridge event as the source bus's rule queues it, delivered twice: processed once, recorded, and the events published for it put. */
function consumedTest(type: string, busName: string, published: readonly string[]): string {
  const literal = codeLiteral(type);
  const id = codeLiteral(`ev-${type}`);
  const puts = published.map(
    (event) => `{ id: ${id}, type: ${codeLiteral(event)}, payload: { orderId: 'o-1' } }`,
  );
  return `  it(${codeLiteral(consumedTitle(type, busName, published))}, async () => {
    const { run, store, published } = setup();
    const event = { version: '0', id: ${id}, 'detail-type': ${literal}, source: 'producer', account: '111122223333', time: NOW.toISOString(), region: 'eu-west-1', resources: [], detail: { orderId: 'o-1' } };
    expect(await run(batch(event, event))).toEqual({ batchItemFailures: [] });
    expect([...store.completed().values()]).toEqual([{ type: ${literal}, processedAt: NOW.toISOString(), payload: { orderId: 'o-1' } }]);
    expect(published).toEqual([${puts.join(', ')}]);
  });
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
