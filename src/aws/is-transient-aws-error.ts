import { isThrottlingError, isTransientError } from '@smithy/core/retry';

type SdkError = Parameters<typeof isThrottlingError>[0];

/**
 * Throttling (`Throttling`, `ThrottlingException`, HTTP 429, ...), a 500/502/503/504, a timeout or a
 * dropped connection: answers that say "try again later", classified as the AWS SDK's own retry
 * strategy classifies them (`@smithy/core/retry`). The SDK retries them a few times per call; a poll
 * keeps retrying them until its own deadline.
 */
export function isTransientAwsError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sdkError = error as SdkError; // every SDK error is an Error; the fields read are all optional
  return isThrottlingError(sdkError) || isTransientError(sdkError);
}
