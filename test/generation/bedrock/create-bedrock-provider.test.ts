import nock from 'nock';
import { createBedrockProvider } from '../../../src/generation/bedrock/create-bedrock-provider.js';
import { ModelOutputErrorWithUsage } from '../../../src/generation/bedrock/model-output-error-with-usage.js';
import { DEFAULT_MODEL_ID } from '../../../src/core/config/agent-config.js';
import { ModelOutputError } from '../../../src/generation/model-provider.js';
import {
  BEDROCK_ENDPOINT,
  CONVERSE_PATH,
  ordersApiInput,
  ordersApiToolInput,
  testProviderOptions,
  textOnlyResponse,
  toolUseResponse,
} from './helpers/converse-fixtures.js';

async function generationError(promise: Promise<unknown>): Promise<ModelOutputError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof ModelOutputError))
    throw new Error(`expected a ModelOutputError, got ${String(error)}`);
  return error;
}

// nock patches Node's shared http module; a test file that leaves it patched breaks the next file's
// nock in the same jest worker, so each file removes its own.
afterAll(() => {
  nock.restore();
});

describe('createBedrockProvider', () => {
  it('turns a write_files tool call into a bundle with its usage and cost', async () => {
    const scope = nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .reply(
        200,
        toolUseResponse({
          input: ordersApiToolInput(),
          usage: {
            inputTokens: 2_000,
            outputTokens: 1_000,
            cacheReadInputTokens: 10_000,
            cacheWriteInputTokens: 4_000,
          },
        }),
      );
    const provider = createBedrockProvider(testProviderOptions().options);

    const result = await provider.generate(ordersApiInput());

    expect(scope.isDone()).toBe(true);
    expect(result.model).toBe(DEFAULT_MODEL_ID);
    expect(result.bundle.summary).toBe('Adds an Orders API on Lambda and API Gateway with a DynamoDB table.');
    expect(result.bundle.templatePath).toBe('infra/orders-api.yaml');
    expect(result.bundle.files.map((file) => [file.path, file.role])).toEqual([
      ['infra/orders-api.yaml', 'template'],
      ['src/orders/handler.ts', 'source'],
      ['test/orders/handler.test.ts', 'test'],
      ['docs/orders-api.md', 'doc'],
    ]);
    expect(result.bundle.files[1]?.content).toBe(
      'export const handler = async () => ({ statusCode: 200 });\n',
    );
    expect(result.bundle.plan).toHaveLength(3);
    expect(result.bundle.riskNotes).toEqual(['Creates an IAM role for the function']);
    expect(result.usage).toMatchObject({
      inputTokens: 2_000,
      outputTokens: 1_000,
      cacheReadTokens: 10_000,
      cacheWriteTokens: 4_000,
    });
    // 2,000 × $3/M + 1,000 × $15/M + 4,000 cache writes × $3.75/M + 10,000 cache reads × $0.30/M
    expect(result.usage.costUsd).toBeCloseTo(0.006 + 0.015 + 0.015 + 0.003, 12);
  });

  it('prices tokens with the configured rates and cache factors', async () => {
    nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .reply(
        200,
        toolUseResponse({
          input: ordersApiToolInput(),
          usage: {
            inputTokens: 1_000_000,
            outputTokens: 100_000,
            cacheReadInputTokens: 1_000_000,
            cacheWriteInputTokens: 0,
          },
        }),
      );
    const provider = createBedrockProvider(
      testProviderOptions({ inputUsdPerMillion: 1, outputUsdPerMillion: 5, cacheReadInputFactor: 0.5 })
        .options,
    );

    const { usage } = await provider.generate(ordersApiInput());

    expect(usage.costUsd).toBeCloseTo(1 + 0.5 + 0.5, 12);
  });

  it('calls the configured model in the configured region', async () => {
    const modelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
    const scope = nock('https://bedrock-runtime.us-west-2.amazonaws.com')
      .post(`/model/${encodeURIComponent(modelId)}/converse`)
      .reply(
        200,
        toolUseResponse({ input: ordersApiToolInput(), usage: { inputTokens: 10, outputTokens: 10 } }),
      );
    const provider = createBedrockProvider(testProviderOptions({ modelId, region: 'us-west-2' }).options);

    const result = await provider.generate(ordersApiInput());

    expect(scope.isDone()).toBe(true);
    expect(result.model).toBe(modelId);
  });

  it('rejects an answer that ends the turn with text instead of calling write_files', async () => {
    nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .reply(200, textOnlyResponse('I would create a Lambda function and a DynamoDB table for this.'));
    const provider = createBedrockProvider(testProviderOptions().options);

    const error = await generationError(provider.generate(ordersApiInput()));

    expect(error.problems).toEqual([
      'the model stopped (end_turn) without calling write_files; it said: "I would create a Lambda function and a DynamoDB table for this."',
    ]);
    // The unusable answer was still paid for: 1,200 × $3/M + 80 × $15/M.
    if (!(error instanceof ModelOutputErrorWithUsage))
      throw new Error('expected the error to carry its usage');
    expect(error.usage?.costUsd).toBeCloseTo(0.0036 + 0.0012, 12);
  });

  it('lists every missing or invalid field of the tool input', async () => {
    const { files: _files, ...withoutFiles } = ordersApiToolInput();
    nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .reply(
        200,
        toolUseResponse({
          input: { ...withoutFiles, plan: 'one big step' },
          usage: { inputTokens: 900, outputTokens: 40 },
        }),
      );
    const provider = createBedrockProvider(testProviderOptions().options);

    const error = await generationError(provider.generate(ordersApiInput()));

    expect(error.problems).toEqual([
      'plan: Invalid input: expected array, received string',
      'files: is required',
    ]);
  });

  it('treats an answer cut off at the token limit as one to repair', async () => {
    nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .reply(200, {
        ...toolUseResponse({
          input: { summary: 'Adds an Orders API' },
          usage: { inputTokens: 900, outputTokens: 2_000 },
        }),
        stopReason: 'max_tokens',
      });
    const provider = createBedrockProvider(testProviderOptions({ maxTokens: 2_000 }).options);

    const error = await generationError(provider.generate(ordersApiInput()));

    expect(error.problems).toEqual([expect.stringContaining('exceeded the 2000-token output limit')]);
  });
});
