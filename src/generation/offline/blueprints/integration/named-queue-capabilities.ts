import type { Capability } from '../../coverage/capability.js';
import type { IntegrationAsks } from './integration-asks.js';

/**
 * The queues the request names that the one generated queue is not: an existing queue (`from our
 * existing payments SQS queue`) is never consumed, since the stack makes its own; two or more named
 * queues (`to the billing queue and the shipping queue`) are not made, since everything goes to the
 * one queue. Each is asked for by its own name beside `queue`, and says why it is not generated.
 * One named queue that is not existing is the generated one under another name: nothing to say.
 */
export function namedQueueCapabilities(asks: IntegrationAsks): Capability[] {
  const existing = asks.namedQueues.filter((queue) => queue.existing);
  const made = asks.namedQueues.filter((queue) => !queue.existing);
  const notConsumed = existing.map((queue): Capability => ({
    when: [
      [queue.name, 'queue'],
      ['existing', 'queue'],
    ],
    implementedBy: '',
    tests: [],
    resources: [],
    notGenerated: `the existing ${queue.name} queue is not consumed: the stack makes its own queue (Queue) and ConsumerEventSource reads only that one; to consume the ${queue.name} queue, point an event source mapping at its ARN (with sqs:ReceiveMessage, sqs:DeleteMessage and sqs:GetQueueAttributes on it) or have its producers send to Queue`,
  }));
  if (made.length < 2) return notConsumed;
  const feed =
    asks.sourceBus === undefined ? '' : `, the rule on the ${asks.sourceBus.name} bus targets only it`;
  return [
    ...notConsumed,
    ...made.map((queue): Capability => ({
      when: [[queue.name, 'queue']],
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: `the ${queue.name} queue is not generated: one queue (Queue, with one consumer) takes every message${feed}; a queue per name (each its own rule target and consumer) is not generated`,
    })),
  ];
}
