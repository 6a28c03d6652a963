import { codeLiteral } from '../../naming/code-literal.js';
import { TITLES } from './integration-test-titles.js';

/**
 * The generated tests of a FIFO queue's two promises: a send carries MessageGroupId (the payload's
 * group field, else one group) and MessageDeduplicationId (the message id); a batch stops at its first
 * failure and returns the rest unprocessed, as AWS asks of a FIFO consumer reporting batch failures.
 */
export function fifoTests(params: { type: string; groupField: string | undefined; bus: boolean }): string {
  const type = codeLiteral(params.type);
  const field = params.groupField;
  const payload = field === undefined ? '{ amount: 1 }' : `{ ${field}: 'o-42', amount: 1 }`;
  const group = field === undefined ? "'all'" : "'o-42'";
  const deps = params.bus ? '{ publish: async () => undefined }' : '{}';
  return `import { createHandlers } from '../src/message-handlers';
import { processBatch } from '../src/process-batch';
import { InMemoryProcessedStore } from '../src/processed-store';
import { fifoSend } from '../src/send-message';

describe('FIFO queue', () => {
  it(${codeLiteral(TITLES.fifoSend)}, () => {
    const message = { id: 'm-1', type: ${type}, payload: ${payload} } as const;
    expect(fifoSend('https://sqs.example/queue.fifo', message)).toEqual({
      QueueUrl: 'https://sqs.example/queue.fifo',
      MessageBody: JSON.stringify(message),
      MessageGroupId: ${group},
      MessageDeduplicationId: 'm-1',
    });
${
  field === undefined
    ? ''
    : `    expect(() => fifoSend('https://sqs.example/queue.fifo', { id: 'm-2', type: ${type}, payload: {} })).toThrow(${codeLiteral(field)});\n`
}  });

  it(${codeLiteral(TITLES.fifoOrder)}, async () => {
    const handled: string[] = [];
    const handlers = {
      ...createHandlers(${deps}),
      [${type}]: async (message: { id: string }) => {
        if (message.id === 'm-2') throw new Error('downstream unavailable');
        handled.push(message.id);
      },
    };
    const body = (id: string) => JSON.stringify({ id, type: ${type}, payload: ${payload} });
    const records = ['m-1', 'm-2', 'm-3'].map((id, index) => ({ messageId: 'sqs-' + String(index + 1), body: body(id) }));
    const result = await processBatch({ Records: records }, { store: new InMemoryProcessedStore(), handlers, now: () => new Date('2030-01-01T00:00:00Z'), leaseSeconds: 180, log: () => undefined });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-2' }, { itemIdentifier: 'sqs-3' }]);
    expect(handled).toEqual(['m-1']);
  });
});
`;
}
