import type { DeliveryAction } from './provider-event-types.js';
import { withIndefiniteArticle } from '../../../../core/text/indefinite-article.js';

/**
 * The end-to-end test of a type consumed from the source bus: the EventBridge event as the rule queues
 * it → consumer → the events published for it (none: recorded once).
 */
export function consumedTitle(type: string, busName: string, published: readonly string[]): string {
  const start = `${withIndefiniteArticle(type)} event from the ${busName} bus`;
  return published.length === 0
    ? `${start} is processed once and recorded`
    : `${start} is processed once and becomes ${published.map((event) => withIndefiniteArticle(event)).join(' and ')} event on the bus`;
}

/** Titles of the generated tests, shared by the test files and the coverage that cites them. */
export const FILES = {
  batch: 'test/process-batch.test.ts',
  webhook: 'test/receive-webhook.test.ts',
  bus: 'test/event-bus.test.ts',
  fifo: 'test/send-message.test.ts',
  template: 'test/template.test.ts',
} as const;

export const TITLES = {
  once: 'processes a message delivered twice only once',
  poison: 'reports malformed and unknown messages as failures so they end in the dead-letter queue',
  retry: 'releases a failed message so the retry processes it',
  mixed: 'fails only the bad records of a mixed batch',
  lease: 'lets a redelivery reclaim a message whose lease ran out but never a completed one',
  accepted: 'a signed webhook is acknowledged and queued once per delivery',
  rejected: 'a webhook with a missing or wrong signature is refused then logged and counted',
  ignored: 'a webhook of a type this service does not handle is acknowledged and dropped',
  bus: 'each message becomes an event on the bus and a refused entry fails it',
  fifoOrder:
    'after a failure a FIFO batch returns every later message unprocessed so a group keeps its order',
  fifoSend: 'a send to the FIFO queue carries its message group and the message id as deduplication id',
  deadLetterAlarm: 'the dead-letter alarm fires as soon as the dead-letter queue holds a message',
  redrive:
    'DeadLetterRedrivePolicy lets an operator move dead letters back to the queue with StartMessageMoveTask and nothing else',
  sourceRule:
    'the source bus rule sends the consumed event types to the queue and the queue policy lets only that rule send',
  stripe: 'a Stripe signature is checked the Stripe way: v1 over t.body and refused more than 300 s from now',
} as const;

/** The end-to-end test of one message type: webhook (when there is one) → queue → consumer → bus. */
export function typeTitle(type: string, webhook: boolean, bus: boolean, deliveryType?: string): string {
  const start = webhook
    ? `${withIndefiniteArticle(deliveryType ?? type)} webhook`
    : `${withIndefiniteArticle(type)} message`;
  return bus
    ? `${start} becomes ${withIndefiniteArticle(type)} event on the bus`
    : `${start} is processed once and recorded`;
}

/** The test proving a sender's event and delivery headers are read (GitHub's X-GitHub-Event and X-GitHub-Delivery). */
export function providerTitle(provider: { readonly name: string }): string {
  return `${withIndefiniteArticle(provider.name)} delivery is typed by its event header and deduplicated by its delivery id header`;
}

/** The test proving an event is taken as a type only for its action: `a pull_request webhook is PullRequestMerged only with action closed and pull_request.merged true`. */
export function actionTitle(type: string, action: { readonly event: string } & DeliveryAction): string {
  const where = Object.entries(action.where ?? {}).map(
    ([path, value]) => ` ${path} ${typeof value === 'object' ? value.join(' or ') : String(value)}`,
  );
  const parts = [...(action.action === undefined ? [] : [` action ${action.action}`]), ...where];
  return `${withIndefiniteArticle(action.event)} webhook is ${type} only with${parts.join(' and')}`;
}
