import { isRetryableBedrockError } from '../../../src/generation/bedrock/is-retryable-bedrock-error.js';

function awsError(params: { name: string; status?: number }): Error {
  const error = new Error('boom');
  error.name = params.name;
  return Object.assign(
    error,
    params.status === undefined ? {} : { $metadata: { httpStatusCode: params.status } },
  );
}

function networkError(code: string): Error {
  return Object.assign(new Error(`socket ${code}`), { code });
}

describe('isRetryableBedrockError', () => {
  it.each([
    ['ThrottlingException', 429],
    ['ServiceUnavailableException', 503],
    ['ModelNotReadyException', 429],
    ['InternalServerException', 500],
    ['SomeFutureException', 502],
    ['UnknownError', 429],
  ])('retries %s (HTTP %i)', (name, status) => {
    expect(isRetryableBedrockError(awsError({ name, status }))).toBe(true);
  });

  it.each([
    ['ValidationException', 400],
    ['AccessDeniedException', 403],
    ['ResourceNotFoundException', 404],
    ['ServiceQuotaExceededException', 400],
    // Even if a proxy turned them into 5xx, these are not transient.
    ['ValidationException', 500],
    ['AccessDeniedException', 503],
  ])('does not retry %s (HTTP %i)', (name, status) => {
    expect(isRetryableBedrockError(awsError({ name, status }))).toBe(false);
  });

  it('retries connections reset below HTTP, but not a wrong endpoint', () => {
    expect(isRetryableBedrockError(networkError('ECONNRESET'))).toBe(true);
    expect(isRetryableBedrockError(networkError('ETIMEDOUT'))).toBe(true);
    expect(isRetryableBedrockError(networkError('ENOTFOUND'))).toBe(false);
  });

  it('does not retry values that are not errors', () => {
    expect(isRetryableBedrockError('throttled')).toBe(false);
    expect(isRetryableBedrockError(undefined)).toBe(false);
  });
});
