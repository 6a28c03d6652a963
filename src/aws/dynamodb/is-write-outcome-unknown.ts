import { isRecord } from '../../core/request/is-record.js';

/**
 * Whether a failed DynamoDB write may still have been applied. No answer came back (the SDK's
 * retries ran out on a timeout or a reset connection: the error carries no HTTP status), or
 * DynamoDB answered 5xx, of which its guide says the request may or may not have succeeded
 * (Amazon DynamoDB Developer Guide, *Error handling with DynamoDB*). A 2xx that still failed is
 * an answer the SDK could not read (its "Deserialization error": a body cut short, a proxy's
 * page): DynamoDB said it applied the write, so it is read back too. A 4xx answer (a failed
 * condition, a validation error, throttling, a denied permission) means the write was not applied.
 */
export function isWriteOutcomeUnknown(error: unknown): boolean {
  const metadata: unknown = isRecord(error) ? error['$metadata'] : undefined;
  const status = isRecord(metadata) ? metadata['httpStatusCode'] : undefined;
  return typeof status !== 'number' || status < 300 || status >= 500;
}
