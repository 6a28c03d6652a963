import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { namedQueues } from '../../../src/generation/offline/blueprints/integration/named-queues.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Issue #11 (fix11r): the integration blueprint makes one queue and one consumer. A request that
 * names queues the stack does not make (an existing queue to consume, several queues to fan out to)
 * is told so on its row, and a story that only looks at something (`I see every payment`) is a read,
 * never a message type with a handler. Each kind is checked on requests unlike review 11m's.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('namedQueues', () => {
  it('reads the name before `queue`, past SQS and FIFO, and whether the queue already exists', () => {
    expect(namedQueues(['Consume messages from our existing payments SQS queue.'])).toEqual([
      { name: 'payments', existing: true },
    ]);
    expect(namedQueues(['Read from the legacy invoices FIFO queue and the audit queue.'])).toEqual([
      { name: 'invoices', existing: true },
      { name: 'audit', existing: false },
    ]);
  });

  it('names no queue for `the queue`, `a dead-letter queue`, `an SQS queue` or `the same queue`', () => {
    expect(
      namedQueues([
        'Put it on the queue. Failed messages go to a dead-letter queue. Use an SQS queue. Send to the same queue.',
      ]),
    ).toEqual([]);
  });

  it('keeps each name once, existing when any mention says so, and never throws on odd text', () => {
    expect(namedQueues(['the orders queue', 'our existing orders queue'])).toEqual([
      { name: 'orders', existing: true },
    ]);
    expect(namedQueues(['queue', '', 'queue queue', '3 queue'])).toEqual([]);
  });
});

describe('fan-out to several named queues', () => {
  const routing = {
    taskType: 'integration' as const,
    taskName: 'Claims router',
    description:
      'Route each claim message to the fraud queue, the payout queue and the audit queue. Retry failed messages.',
  };

  it('makes one queue and names each queue asked for that is not generated; the row is not ✅', async () => {
    const { bundle } = await generate(routing);
    const queues = resourcesOfType(parseBundleTemplate(bundle), 'AWS::SQS::Queue').filter(
      ([name]) => !name.includes('DeadLetter'),
    );
    expect(queues).toHaveLength(1);
    const row = sentenceRow(bundle.coverage, 1);
    expect(row?.status).not.toBe('covered');
    for (const name of ['fraud', 'payout', 'audit'])
      expect(gapsOf(row)).toContain(`the ${name} queue is not generated`);
    // No bus is consumed here, so no rule is said to feed it.
    expect(gapsOf(row)).not.toMatch(/rule on the/);
  });

  it('one named queue is the generated queue under that name: nothing said about it', async () => {
    const { bundle } = await generate({
      taskType: 'integration' as const,
      taskName: 'Orders worker',
      description: 'Process each message on the orders queue. Retry failed messages.',
    });
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).not.toMatch(/queue is not generated|not consumed/);
  });
});

describe('an existing queue the request consumes', () => {
  it('"Read invoices from the legacy invoices queue" says the legacy queue is not consumed and how it would be', async () => {
    const { bundle } = await generate({
      taskType: 'integration' as const,
      taskName: 'Invoice archiver',
      description:
        'Read invoice messages from the legacy invoices queue. Alarm when the dead-letter queue is not empty.',
    });
    const row = sentenceRow(bundle.coverage, 1);
    expect(row?.status).not.toBe('covered');
    expect(gapsOf(row)).toMatch(/the existing invoices queue is not consumed/);
    // The dead-letter queue is the stack's own: its row is untouched.
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
  });
});

describe('a story that looks at something', () => {
  const support = {
    taskType: 'integration' as const,
    taskName: 'Refund intake',
    description: 'Consume refund request messages and record each one once.',
    stories: [
      'As a support agent I can view every refund request',
      'As a warehouse clerk I restock a returned item',
    ],
  };

  it("names no handler after the viewing verb, says no view is generated, and keeps a doing story's type", async () => {
    const { bundle } = await generate(support);
    const handlers = fileContent(bundle, 'src/message-handlers.ts');
    expect(handlers).not.toMatch(/'view-/);
    expect(handlers).toMatch(/'restock-[a-z-]+'/);
    expect(gapsOf(storyRow(bundle.coverage, 1))).toMatch(/no read or view is generated/);
    expect(storyRow(bundle.coverage, 1)?.status).not.toBe('covered');
    expect(gapsOf(storyRow(bundle.coverage, 2))).not.toMatch(/no read or view/);
  });

  it('a request of only viewing stories still gets one default message type', async () => {
    const { bundle } = await generate({
      ...support,
      stories: ['As an auditor I see every refund request within a minute'],
    });
    const handlers = fileContent(bundle, 'src/message-handlers.ts');
    expect(handlers).not.toMatch(/'see-/);
    expect(handlers).toMatch(/'record-[a-z-]+'/);
  });
});

describe('a bus written to', () => {
  it('"writes each page view to the analytics bus" publishes on the analytics bus, though `reads` comes earlier', async () => {
    const { bundle } = await generate({
      taskType: 'integration' as const,
      taskName: 'Page views',
      description:
        'A Lambda consumer reads batches of records and writes each page view to the analytics bus as a PageViewed event.',
    });
    const parameters = parseBundleTemplate(bundle).Parameters;
    expect(parameters?.['EventBusName']?.['Default']).toBe('analytics');
    expect(parameters?.['SourceEventBusName']).toBeUndefined();
  });
});
