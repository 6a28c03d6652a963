import nock from 'nock';
import { createBedrockProvider } from '../../../src/generation/bedrock/create-bedrock-provider.js';
import { createInMemoryResponseCache } from '../../../src/generation/bedrock/in-memory-response-cache.js';
import type { ResponseCache } from '../../../src/generation/bedrock/response-cache.js';
import { NO_USAGE } from '../../../src/generation/model-provider.js';
import {
  BEDROCK_ENDPOINT,
  CONVERSE_PATH,
  ordersApiInput,
  ordersApiToolInput,
  testProviderOptions,
  textOnlyResponse,
  toolUseResponse,
} from './helpers/converse-fixtures.js';

const ANSWER = toolUseResponse({
  input: ordersApiToolInput(),
  usage: { inputTokens: 3_000, outputTokens: 2_000 },
});

// nock patches Node's shared http module; a test file that leaves it patched breaks the next file's
// nock in the same jest worker, so each file removes its own.
afterAll(() => {
  nock.restore();
});

describe('createBedrockProvider with a response cache', () => {
  it('serves an identical request from the cache without calling Bedrock, at no cost', async () => {
    // One interceptor only: a second HTTP request would find no match and fail (network is off).
    const scope = nock(BEDROCK_ENDPOINT).post(CONVERSE_PATH).reply(200, ANSWER);
    const provider = createBedrockProvider(
      testProviderOptions({ responseCache: createInMemoryResponseCache() }).options,
    );

    const first = await provider.generate(ordersApiInput());
    const second = await provider.generate(ordersApiInput());

    expect(scope.isDone()).toBe(true);
    expect(first.usage.costUsd).toBeCloseTo(0.009 + 0.03, 12);
    expect(second.usage).toEqual(NO_USAGE);
    expect(second.bundle).toEqual(first.bundle);
    expect(second.model).toBe(first.model);
  });

  it('calls Bedrock again when the request differs', async () => {
    const scope = nock(BEDROCK_ENDPOINT).post(CONVERSE_PATH).times(2).reply(200, ANSWER);
    const provider = createBedrockProvider(
      testProviderOptions({ responseCache: createInMemoryResponseCache() }).options,
    );

    await provider.generate(ordersApiInput());
    const other = await provider.generate(ordersApiInput({ context: { owner: 'acme', repo: 'billing' } }));

    expect(scope.isDone()).toBe(true);
    expect(other.usage.outputTokens).toBe(2_000);
  });

  it('does not cache an answer that failed validation', async () => {
    const scope = nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .reply(200, textOnlyResponse('Here is my plan.'))
      .post(CONVERSE_PATH)
      .reply(200, ANSWER);
    const provider = createBedrockProvider(
      testProviderOptions({ responseCache: createInMemoryResponseCache() }).options,
    );

    await expect(provider.generate(ordersApiInput())).rejects.toThrow('did not call write_files');
    const retried = await provider.generate(ordersApiInput());

    expect(scope.isDone()).toBe(true);
    expect(retried.bundle.files).toHaveLength(4);
  });

  it('falls back to Bedrock when the cache fails or holds something unreadable', async () => {
    const scope = nock(BEDROCK_ENDPOINT).post(CONVERSE_PATH).times(2).reply(200, ANSWER);
    const broken: ResponseCache = {
      get: async () => {
        throw new Error('bucket unreachable');
      },
      set: async () => {
        throw new Error('bucket unreachable');
      },
    };
    const corrupt: ResponseCache = { get: async () => '{"summary":', set: async () => undefined };

    const fromBroken = await createBedrockProvider(
      testProviderOptions({ responseCache: broken }).options,
    ).generate(ordersApiInput());
    const fromCorrupt = await createBedrockProvider(
      testProviderOptions({ responseCache: corrupt }).options,
    ).generate(ordersApiInput());

    expect(scope.isDone()).toBe(true);
    expect(fromBroken.usage.outputTokens).toBe(2_000);
    expect(fromCorrupt.usage.outputTokens).toBe(2_000);
  });
});
