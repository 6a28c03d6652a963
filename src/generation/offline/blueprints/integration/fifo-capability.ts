import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import { anyOf } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import type { IntegrationAsks } from './integration-asks.js';
import { TITLES } from './integration-test-titles.js';
import type { FILES } from './integration-test-titles.js';

/**
 * `from an SQS FIFO queue, in order per order id`: both queues FIFO, each send grouped and
 * deduplicated, the consumer stopping at a failure; asked of a standard queue, the gap FIFO fills.
 */
export function fifoCapability(
  asks: IntegrationAsks,
  test: (file: keyof typeof FILES, title: string) => TestEvidence,
): Capability {
  const when = anyOf('fifo', 'in order', 'ordered', 'ordering', 'message group', 'group id');
  if (asks.fifo === undefined)
    return {
      when,
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'the queue is a standard SQS queue, not FIFO: it does not keep order per group nor deduplicate; FIFO needs FifoQueue true and a `.fifo` name on both queues, and a MessageGroupId (and MessageDeduplicationId, or content-based deduplication) on every send',
    };
  const group = asks.fifo.groupField;
  return {
    when,
    implementedBy: `a FIFO queue and a FIFO dead-letter queue (\`.fifo\` names from the stack): each send carries MessageGroupId ${group === undefined ? '`all` (one group orders every message)' : `the payload's \`${group}\``} and MessageDeduplicationId the message id (src/send-message.ts${asks.webhook ? ', used by the receiver' : ', for producers'}); the consumer stops at a failure and returns the later messages unprocessed, so a group keeps its order`,
    tests: [test('fifo', TITLES.fifoSend), test('fifo', TITLES.fifoOrder)],
    resources: ['Queue', 'DeadLetterQueue', 'ConsumerFunction'],
    // An EventBridge rule's SQS target takes one fixed MessageGroupId (AWS::Events::Rule SqsParameters).
    ...(asks.sourceBus === undefined || group === undefined
      ? {}
      : {
          gaps: [
            `events from the ${asks.sourceBus.name} bus are queued in one message group (the rule's SqsParameters take a fixed MessageGroupId), so they keep one order together, not an order per \`${group}\`; deduplicated by content`,
          ],
        }),
  };
}
