/**
 * Which webhook deliveries were already taken in, by GitHub's delivery id (`X-GitHub-Delivery`,
 * Probot's `context.id`), which a redelivery keeps
 * (https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks#use-the-x-github-delivery-header).
 * The app keeps it in memory (`createMemoryDeliveryLog`); a queue-based runtime keeps it durably
 * (an SQS FIFO `MessageDeduplicationId`, a DynamoDB conditional put) behind the same interface.
 * It is the first line only: the pipeline is idempotent by meaning too, for runtimes without ids.
 */
export interface DeliveryLog {
  /** Records the delivery; true when it is new and should be handled, false when it was taken in before. */
  claim(deliveryId: string): Promise<boolean>;
  /** Forgets a delivery whose handling failed, so a redelivery of it is handled again. */
  release(deliveryId: string): Promise<void>;
}
