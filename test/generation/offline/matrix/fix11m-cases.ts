import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 review 11l, the integration blueprint's buses and senders: events consumed from one bus
 * (an EventBridge rule feeding the queue) and published on another, a bus only read, a FIFO queue
 * the rule feeds, and a webhook receiver whose story wants a Slack notice (Slack is not the sender).
 * The projects must build, type-check, pass their own tests and cfn-lint; each mutant (the consumer
 * path cut) must fail the cited test.
 */
const PIPELINE = requestFor({
  taskType: 'integration',
  taskName: 'Order fulfilment pipeline',
  description:
    'Consume OrderPlaced events from the orders EventBridge bus and queue them for the fulfilment worker. Each message is processed exactly once. Publish a FulfilmentRequested event on the fulfilment bus for each order.',
});

const LISTENER = requestFor({
  taskType: 'integration',
  taskName: 'Payment listener',
  description: 'Listen to the payments event bus for PaymentCaptured events and queue them.',
});

const ORDERED = requestFor({
  taskType: 'integration',
  taskName: 'Ordered orders',
  description: 'Consume OrderPlaced events from the orders bus. Process messages in order per order id.',
});

const SHIPPING = requestFor({
  taskType: 'integration',
  taskName: 'Shipping webhooks',
  description:
    'A webhook receiver for our carrier, ShipFast. ShipFast signs each delivery with HMAC-SHA256 in the X-ShipFast-Signature header. When a parcel is delivered, publish a ParcelDelivered event on the logistics bus.',
  stories: ['As a support agent I am notified by Slack when a parcel is returned'],
});

const CONSUMED_TITLE =
  'an OrderPlaced event from the orders bus is processed once and becomes a FulfilmentRequested event on the bus';

export function fix11mCases(): MatrixCase[] {
  return [
    { id: 'integration-bus-pipeline', request: PIPELINE },
    { id: 'integration-bus-listener', request: LISTENER },
    { id: 'integration-bus-fifo', request: ORDERED },
    { id: 'integration-notice-not-sender', request: SHIPPING },
    {
      id: 'mutant-integration-bus-envelope',
      request: PIPELINE,
      mutation: {
        file: 'src/messages.ts',
        find: "  if (!('detail-type' in value)) return value;",
        replace: '  return value;',
        breaks: [CONSUMED_TITLE],
      },
    },
    {
      id: 'mutant-integration-bus-republish',
      request: PIPELINE,
      mutation: {
        file: 'src/message-handlers.ts',
        find: "deps.publish({ ...message, type: 'FulfilmentRequested' })",
        replace: 'deps.publish(message)',
        breaks: [CONSUMED_TITLE],
      },
    },
  ];
}
