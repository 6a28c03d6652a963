import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import type { StoryMessage } from './message-types.js';

/** Jest suites: idempotency, retries and poison messages, then one delivery test per story. */
export function integrationTests(baseDir: string, messages: readonly StoryMessage[]): GeneratedFile[] {
  const firstType = codeLiteral(messages[0]?.messageType ?? 'record-item');
  const header = `import { defaultHandlers } from '../src/message-handlers';
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

function setup(handlers: MessageHandlers = defaultHandlers()) {
  const store = new InMemoryProcessedStore();
  const logs: Record<string, unknown>[] = [];
  const run = (event: SqsEvent) => processBatch(event, { store, handlers, now: () => NOW, leaseSeconds: 180, log: (entry) => logs.push(entry) });
  return { store, logs, run };
}
`;
  const fixed = `
describe('processBatch', () => {
  it('processes a message delivered twice only once', async () => {
    let calls = 0;
    const handlers = { ...defaultHandlers(), [${firstType}]: async () => void calls++ };
    const { run, store } = setup(handlers);
    const message = { id: 'm-1', type: ${firstType}, payload: { n: 1 } };
    expect(await run(batch(message, message))).toEqual({ batchItemFailures: [] });
    expect(await run(batch(message))).toEqual({ batchItemFailures: [] });
    expect(calls).toBe(1);
    expect(store.completed().size).toBe(1);
  });

  it('reports malformed and unknown messages as failures so they end in the dead-letter queue', async () => {
    const { run, logs } = setup();
    const result = await run(batch('not json', { id: 'x', type: 'no-such-type', payload: {} }, { id: 'bad id!', type: ${firstType}, payload: {} }));
    expect(result.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(['sqs-1', 'sqs-2', 'sqs-3']);
    expect(logs.filter((entry) => entry['level'] === 'error')).toHaveLength(3);
  });

  it('releases a failed message so the retry processes it', async () => {
    let attempts = 0;
    const flaky = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('downstream unavailable');
    };
    const { run, store } = setup({ ...defaultHandlers(), [${firstType}]: flaky });
    const message = { id: 'm-2', type: ${firstType}, payload: {} };
    expect((await run(batch(message))).batchItemFailures).toEqual([{ itemIdentifier: 'sqs-1' }]);
    expect(await run(batch(message))).toEqual({ batchItemFailures: [] });
    expect(attempts).toBe(2);
    expect(store.completed().get('m-2')?.type).toBe(${firstType});
  });

  it('fails only the bad records of a mixed batch', async () => {
    const { run } = setup();
    const result = await run(batch({ id: 'good', type: ${firstType}, payload: {} }, '{'));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-2' }]);
  });
});

describe('InMemoryProcessedStore', () => {
  it('lets a redelivery reclaim a message whose lease ran out, never a completed one', async () => {
    const store = new InMemoryProcessedStore();
    expect(await store.claim('k', { now: NOW, leaseSeconds: 60 })).toBe(true);
    expect(await store.claim('k', { now: new Date(NOW.getTime() + 30_000), leaseSeconds: 60 })).toBe(false);
    expect(await store.claim('k', { now: new Date(NOW.getTime() + 61_000), leaseSeconds: 60 })).toBe(true);
    await store.complete('k', { type: 't', processedAt: NOW.toISOString(), payload: {} });
    expect(await store.claim('k', { now: new Date(NOW.getTime() + 999_000), leaseSeconds: 60 })).toBe(false);
  });
});
`;
  const stories = messages.map(({ intent, messageType }) => {
    const type = codeLiteral(messageType);
    return `  // Story ${intent.number}: ${intent.text}
  it(${codeLiteral(intent.testTitle)}, async () => {
    const { run, store } = setup();
    const message = { id: ${codeLiteral(`story-${intent.number}`)}, type: ${type}, payload: { story: ${intent.number} } };
    expect(await run(batch(message, message))).toEqual({ batchItemFailures: [] });
    expect([...store.completed().values()]).toEqual([{ type: ${type}, processedAt: NOW.toISOString(), payload: { story: ${intent.number} } }]);
  });
`;
  });
  const content = `${header}${fixed}
describe('user stories', () => {
${stories.join('\n')}});
`;
  return [{ path: `${baseDir}/test/process-batch.test.ts`, role: 'test', content }];
}
