import { bedrockErrorFacts } from './bedrock-error-facts.js';

const RETRYABLE_NAMES = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'ModelNotReadyException',
  'InternalServerException',
  'TimeoutError',
]);
/** Retrying these only repeats the failure (and the spend): the request or the permissions are wrong. */
const NEVER_RETRIED_NAMES = new Set(['ValidationException', 'AccessDeniedException']);
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** Throttling and transient failures are worth another attempt; everything else is reported at once. */
export function isRetryableBedrockError(error: unknown): boolean {
  const { name, httpStatus, networkCode } = bedrockErrorFacts(error);
  if (NEVER_RETRIED_NAMES.has(name)) return false;
  if (RETRYABLE_NAMES.has(name)) return true;
  if (httpStatus !== undefined) return httpStatus === 429 || httpStatus >= 500;
  return networkCode !== undefined && TRANSIENT_NETWORK_CODES.has(networkCode);
}
