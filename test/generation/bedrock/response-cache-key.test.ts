import { buildConverseInput } from '../../../src/generation/bedrock/build-converse-input.js';
import { responseCacheKey } from '../../../src/generation/bedrock/response-cache-key.js';
import { ordersApiInput } from './helpers/converse-fixtures.js';

const keyFor = async (params: { modelId?: string; maxTokens?: number; repo?: string }) =>
  responseCacheKey(
    await buildConverseInput({
      modelId: params.modelId ?? 'model-a',
      maxTokens: params.maxTokens ?? 1_000,
      input: ordersApiInput({ context: { owner: 'acme', repo: params.repo ?? 'shop' } }),
    }),
  );

describe('responseCacheKey', () => {
  it('is a sha256 that is the same for the same request', async () => {
    expect(await keyFor({})).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyFor({})).toBe(await keyFor({}));
  });

  it('changes with the model, the messages and the token limit', async () => {
    const keys = new Set([
      await keyFor({}),
      await keyFor({ modelId: 'model-b' }),
      await keyFor({ repo: 'billing' }),
      await keyFor({ maxTokens: 2_000 }),
    ]);

    expect(keys.size).toBe(4);
  });
});
