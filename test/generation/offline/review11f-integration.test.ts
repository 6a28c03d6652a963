import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Review 11f (#11), integration: "from an SQS FIFO queue, in order per order id" generates a FIFO
 * queue and dead-letter queue, grouped sends and an in-order consumer, with generated tests.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

const shipments = {
  taskType: 'integration' as const,
  taskName: 'Shipment updates',
  description:
    'Consume ShipmentDispatched and ShipmentDelivered messages from an SQS FIFO queue, in order per order id. Each message has an orderId, a carrier and a tracking number.',
};

describe('review 11f: a FIFO queue as asked', () => {
  it('makes both queues FIFO with .fifo names, groups each send by the order id, and meets the FIFO of the sentence', async () => {
    const { bundle } = await generate(shipments);
    const template = parseBundleTemplate(bundle);
    const queues = Object.fromEntries(resourcesOfType(template, 'AWS::SQS::Queue'));
    for (const id of ['Queue', 'DeadLetterQueue']) {
      expect(queues[id]?.Properties?.['FifoQueue']).toBe(true);
      expect(JSON.stringify(queues[id]?.Properties?.['QueueName'])).toMatch(/\.fifo"/);
    }
    expect(queues['Queue']?.Properties?.['ContentBasedDeduplication']).toBe(false);
    // Lambda takes no batching window for a FIFO event source.
    expect(
      template.Resources['ConsumerEventSource']?.Properties?.['MaximumBatchingWindowInSeconds'],
    ).toBeUndefined();

    const send = fileContent(bundle, 'src/send-message.ts');
    expect(send).toContain("export const GROUP_FIELD: string | undefined = 'orderId';");
    expect(send).toContain('MessageDeduplicationId: message.id');
    expect(fileContent(bundle, 'src/process-batch.ts')).toContain('if (failures.length > 0) {');
    const tests = fileContent(bundle, 'test/send-message.test.ts');
    expect(tests).toContain("MessageGroupId: 'o-42'");
    expect(tests).toContain("{ itemIdentifier: 'sqs-2' }, { itemIdentifier: 'sqs-3' }");

    const row = sentenceRow(bundle.coverage, 1);
    // FIFO is met, with its generated tests; what handling the types should do is the one thing left.
    expect(row?.implementedBy).toContain('a FIFO queue and a FIFO dead-letter queue');
    expect(row?.tests.map((test) => test.title)).toContain(
      'a send to the FIFO queue carries its message group and the message id as deduplication id',
    );
    expect(row?.gaps).toEqual([
      expect.stringContaining('what handling ShipmentDispatched and ShipmentDelivered'),
    ]);
  });

  it('keeps a standard queue, and its gap, when nothing asks for order; "in order to" is no ask', async () => {
    const { bundle } = await generate({
      ...shipments,
      description:
        'Consume ShipmentDispatched messages from an SQS queue in order to update the tracking page.',
    });
    const queues = resourcesOfType(parseBundleTemplate(bundle), 'AWS::SQS::Queue');
    expect(queues.some(([, queue]) => queue.Properties?.['FifoQueue'] !== undefined)).toBe(false);
    expect(bundle.files.some((file) => file.path.endsWith('src/send-message.ts'))).toBe(false);
  });

  it('sends webhooks to a FIFO queue through fifoSend, in one group when no field is named', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo events',
      description: 'Receive GitHub webhooks into a FIFO queue and put events on an EventBridge bus.',
      stories: ['As a maintainer I receive an event when a pull request is merged'],
    });
    expect(fileContent(bundle, 'src/webhook-handler.ts')).toContain(
      "new SendMessageCommand(fifoSend(requiredEnv('QUEUE_URL'), message))",
    );
    expect(fileContent(bundle, 'src/send-message.ts')).toContain(
      'export const GROUP_FIELD: string | undefined = undefined;',
    );
  });
});
