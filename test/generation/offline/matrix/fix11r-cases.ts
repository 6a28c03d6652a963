import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 fix11r, the integration blueprint on named queues and viewing stories: an order fan-out
 * from the shop bus to two named queues (one queue generated, the others said), and a ledger sync
 * from an existing queue whose only story looks at the ledger (no message type from `see`, the
 * default type instead). The projects must build, type-check, pass their own tests and cfn-lint.
 */
const FAN_OUT = requestFor({
  taskType: 'integration',
  taskName: 'Order fan-out',
  description:
    'Fan out each OrderPlaced event from the shop bus to the billing queue and the shipping queue. Billing messages must be processed exactly once. Shipping messages are processed in order per order id. Failed messages go to a dead-letter queue after 3 attempts.',
});

const LEDGER = requestFor({
  taskType: 'integration',
  taskName: 'Ledger sync',
  description:
    'Consume messages from our existing payments SQS queue and write each payment to the ledger DynamoDB table. Messages that cannot be parsed are logged and dropped. Alarm when the dead-letter queue is not empty.',
  stories: ['As a finance analyst I see every payment in the ledger within a minute'],
});

export function fix11rCases(): MatrixCase[] {
  return [
    { id: 'integration-fan-out-named-queues', request: FAN_OUT },
    { id: 'integration-existing-queue-view-story', request: LEDGER },
  ];
}
