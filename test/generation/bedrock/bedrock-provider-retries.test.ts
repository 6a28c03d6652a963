import nock from 'nock';
import { BedrockRequestError } from '../../../src/generation/bedrock/bedrock-request-error.js';
import { createBedrockProvider } from '../../../src/generation/bedrock/create-bedrock-provider.js';
import {
  BEDROCK_ENDPOINT,
  CONVERSE_PATH,
  errorReply,
  ordersApiInput,
  ordersApiToolInput,
  testProviderOptions,
  toolUseResponse,
} from './helpers/converse-fixtures.js';

const THROTTLED = errorReply({
  status: 429,
  type: 'ThrottlingException',
  message: 'Too many requests, please wait before trying again.',
});

/** Answers every Converse call with `reply` and counts the calls, so extra attempts are visible. */
function alwaysReply(reply: ReturnType<typeof errorReply>): { calls: () => number } {
  let calls = 0;
  nock(BEDROCK_ENDPOINT)
    .post(CONVERSE_PATH)
    .reply(() => {
      calls += 1;
      return [...reply];
    })
    .persist();
  return { calls: () => calls };
}

async function requestError(promise: Promise<unknown>): Promise<BedrockRequestError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof BedrockRequestError))
    throw new Error(`expected a BedrockRequestError, got ${String(error)}`);
  return error;
}

// nock patches Node's shared http module; a test file that leaves it patched breaks the next file's
// nock in the same jest worker, so each file removes its own.
afterAll(() => {
  nock.restore();
});

describe('createBedrockProvider retries', () => {
  it('backs off with growing delays while throttled, then returns the answer', async () => {
    const scope = nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .times(3)
      .reply(...THROTTLED)
      .post(CONVERSE_PATH)
      .reply(
        200,
        toolUseResponse({ input: ordersApiToolInput(), usage: { inputTokens: 100, outputTokens: 50 } }),
      );
    const { options, sleeps } = testProviderOptions({ maxRetries: 4, baseDelayMs: 1_000, random: () => 0.5 });

    const result = await createBedrockProvider(options).generate(ordersApiInput());

    expect(scope.isDone()).toBe(true);
    expect(result.bundle.files).toHaveLength(4);
    // Equal jitter at random = 0.5: three quarters of 1 s, 2 s, 4 s.
    expect(sleeps).toEqual([750, 1_500, 3_000]);
  });

  it('keeps each delay within half and all of its capped step', async () => {
    nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .times(4)
      .reply(...THROTTLED)
      .post(CONVERSE_PATH)
      .reply(
        200,
        toolUseResponse({ input: ordersApiToolInput(), usage: { inputTokens: 100, outputTokens: 50 } }),
      );
    const jitter = [0, 0.999, 0, 0.999];
    const { options, sleeps } = testProviderOptions({
      baseDelayMs: 1_000,
      maxDelayMs: 3_000,
      random: () => jitter.shift() ?? 0,
    });

    await createBedrockProvider(options).generate(ordersApiInput());

    expect(sleeps).toEqual([500, 1_999, 1_500, 2_999]);
  });

  it('gives up after maxRetries with advice, having made only the allowed attempts', async () => {
    const bedrock = alwaysReply(THROTTLED);
    const { options, sleeps } = testProviderOptions({ maxRetries: 2 });

    const error = await requestError(createBedrockProvider(options).generate(ordersApiInput()));

    expect(bedrock.calls()).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(error.code).toBe('ThrottlingException');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(
      'kept throttling au.anthropic.claude-sonnet-4-5-20250929-v1:0 in ap-southeast-2 after 3 attempt(s)',
    );
    expect(error.message).toContain('Too many requests, please wait before trying again.');
  });

  it('retries a 503 ServiceUnavailableException', async () => {
    const scope = nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .reply(
        ...errorReply({
          status: 503,
          type: 'ServiceUnavailableException',
          message: 'Bedrock is unable to process your request.',
        }),
      )
      .post(CONVERSE_PATH)
      .reply(
        200,
        toolUseResponse({ input: ordersApiToolInput(), usage: { inputTokens: 100, outputTokens: 50 } }),
      );
    const { options, sleeps } = testProviderOptions();

    await createBedrockProvider(options).generate(ordersApiInput());

    expect(scope.isDone()).toBe(true);
    expect(sleeps).toHaveLength(1);
  });

  it('does not retry a ValidationException and points at the model id', async () => {
    const bedrock = alwaysReply(
      errorReply({
        status: 400,
        type: 'ValidationException',
        message: 'The provided model identifier is invalid.',
      }),
    );
    const { options, sleeps } = testProviderOptions();

    const error = await requestError(createBedrockProvider(options).generate(ordersApiInput()));

    expect(bedrock.calls()).toBe(1);
    expect(sleeps).toEqual([]);
    expect(error.code).toBe('ValidationException');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('check model.id / inference profile');
    expect(error.message).toContain('The provided model identifier is invalid.');
  });

  it('does not retry an AccessDeniedException and says how to grant access', async () => {
    const bedrock = alwaysReply(
      errorReply({
        status: 403,
        type: 'AccessDeniedException',
        message: "You don't have access to the model with the specified model ID.",
      }),
    );
    const { options, sleeps } = testProviderOptions();

    const error = await requestError(createBedrockProvider(options).generate(ordersApiInput()));

    expect(bedrock.calls()).toBe(1);
    expect(sleeps).toEqual([]);
    expect(error.message).toContain(
      'enable model access for au.anthropic.claude-sonnet-4-5-20250929-v1:0 in ap-southeast-2 and allow bedrock:InvokeModel on the role',
    );
  });
});
