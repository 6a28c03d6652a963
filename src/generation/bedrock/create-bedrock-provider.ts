import type {
  BedrockRuntimeClientConfig,
  ConverseCommandInput,
  ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { DEFAULT_MODEL_ID, DEFAULT_REGION } from '../../core/config/agent-config.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import type {
  GenerationInput,
  GenerationResult,
  ModelExchange,
  ModelProvider,
  RevisionInput,
  RevisionResult,
  TokenUsage,
} from '../model-provider.js';
import { ModelOutputError, NO_USAGE } from '../model-provider.js';
import type { BedrockPricing } from './bedrock-pricing.js';
import { DEFAULT_BEDROCK_PRICING, usageFromConverse } from './bedrock-pricing.js';
import { buildConverseInput } from './build-converse-input.js';
import { buildRevisionConverseInput } from './build-revision-converse-input.js';
import { bundleFromConverseOutput } from './bundle-from-converse-output.js';
import { readCachedBundle, writeCachedBundle } from './cached-bundle.js';
import type { RetryPolicy } from './call-with-retries.js';
import { callWithRetries, sleepFor } from './call-with-retries.js';
import type { ConverseClient } from './create-bedrock-client.js';
import { createBedrockClient } from './create-bedrock-client.js';
import { explainBedrockError } from './explain-bedrock-error.js';
import { isRetryableBedrockError } from './is-retryable-bedrock-error.js';
import { ModelOutputErrorWithUsage } from './model-output-error-with-usage.js';
import type { ResponseCache } from './response-cache.js';
import { responseCacheKey } from './response-cache-key.js';
import { revisionFromConverseOutput } from './revision-from-converse-output.js';

export interface BedrockProviderOptions extends Partial<BedrockPricing>, Partial<RetryPolicy> {
  readonly modelId?: string;
  readonly region?: string;
  readonly maxTokens?: number;
  /** Replaces the SDK client (tests, or a caller that builds its own). */
  readonly client?: ConverseClient;
  /** Sends requests to another endpoint (VPC endpoint, local stand-in) instead of the region's. */
  readonly endpoint?: string;
  /** Only for tests and special setups; absent means the SDK's default provider chain. */
  readonly credentials?: BedrockRuntimeClientConfig['credentials'];
  /**
   * The SDK's HTTP handler. Bedrock Runtime defaults to HTTP/2; an HTTP/1.1 handler is what works
   * through a proxy on a self-hosted runner, and what nock can intercept in tests.
   */
  readonly requestHandler?: BedrockRuntimeClientConfig['requestHandler'];
  readonly responseCache?: ResponseCache;
}

const DEFAULT_MAX_TOKENS = 16_000;
const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 20_000,
  sleep: sleepFor,
  random: Math.random,
};

/** Claude on Amazon Bedrock through the Converse API, answering through the `write_files` tool. */
export function createBedrockProvider(options: BedrockProviderOptions = {}): ModelProvider {
  const modelId = options.modelId ?? DEFAULT_MODEL_ID;
  const region = options.region ?? DEFAULT_REGION;
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const pricing: BedrockPricing = {
    inputUsdPerMillion: options.inputUsdPerMillion ?? DEFAULT_BEDROCK_PRICING.inputUsdPerMillion,
    outputUsdPerMillion: options.outputUsdPerMillion ?? DEFAULT_BEDROCK_PRICING.outputUsdPerMillion,
    cacheWriteInputFactor: options.cacheWriteInputFactor ?? DEFAULT_BEDROCK_PRICING.cacheWriteInputFactor,
    cacheReadInputFactor: options.cacheReadInputFactor ?? DEFAULT_BEDROCK_PRICING.cacheReadInputFactor,
  };
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    sleep: options.sleep ?? DEFAULT_RETRY_POLICY.sleep,
    random: options.random ?? DEFAULT_RETRY_POLICY.random,
  };
  const client =
    options.client ??
    createBedrockClient({
      region,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
      ...(options.requestHandler === undefined ? {} : { requestHandler: options.requestHandler }),
    });
  const cache = options.responseCache;

  async function converse(
    input: GenerationInput,
  ): Promise<{ bundle: ArtifactBundle; usage: TokenUsage; exchange?: ModelExchange }> {
    const request = await buildConverseInput({ modelId, maxTokens, input });
    const cacheEntry = cache === undefined ? undefined : { cache, key: responseCacheKey(request) };
    const cached = cacheEntry === undefined ? undefined : await readCachedBundle(cacheEntry);
    // An identical request answered before: nothing is sent, so nothing is spent.
    if (cached !== undefined) return { bundle: cached, usage: NO_USAGE };
    const output = await send(request);
    const usage = usageFromConverse({ usage: output.usage, pricing });
    const exchange = exchangeOf(request, output);
    const bundle = await bundleOrRepairableError({ output, maxTokens, usage, exchange });
    if (cacheEntry !== undefined) await writeCachedBundle({ ...cacheEntry, bundle });
    return { bundle, usage, exchange };
  }

  async function send(request: ConverseCommandInput): Promise<ConverseCommandOutput> {
    let attempts = 0;
    try {
      return await callWithRetries({
        call: () => {
          attempts += 1;
          return client.send(new ConverseCommand(request));
        },
        isRetryable: isRetryableBedrockError,
        policy,
      });
    } catch (error) {
      throw explainBedrockError({ error, modelId, region, attempts });
    }
  }

  return {
    name: 'bedrock',
    async generate(input: GenerationInput): Promise<GenerationResult> {
      const { bundle, usage, exchange } = await converse(input);
      return { bundle, usage, model: modelId, ...(exchange === undefined ? {} : { exchange }) };
    },
    /** Free-text review feedback through the same Converse path, answered with `revise_files`; never cached. */
    async revise(input: RevisionInput): Promise<RevisionResult> {
      const request = await buildRevisionConverseInput({ modelId, maxTokens, input });
      const output = await send(request);
      const usage = usageFromConverse({ usage: output.usage, pricing });
      const exchange = exchangeOf(request, output);
      const revision = await usableOrError({
        usage,
        exchange,
        read: () => revisionFromConverseOutput({ output, maxTokens }),
      });
      return { ...revision, usage, model: modelId, exchange };
    },
  };
}

/**
 * The bundle in the answer, or a ModelOutputError to repair. Its problems quote the answer (the
 * text the model wrote instead of calling the tool, the paths it gave), so they leave redacted.
 */
async function bundleOrRepairableError(params: {
  output: ConverseCommandOutput;
  maxTokens: number;
  usage: TokenUsage;
  exchange: ModelExchange;
}): Promise<ArtifactBundle> {
  return usableOrError({ ...params, read: () => bundleFromConverseOutput(params) });
}

/** What `read` makes of the answer, or its ModelOutputError with the answer's cost and its problems redacted. */
async function usableOrError<T>(params: {
  usage: TokenUsage;
  exchange: ModelExchange;
  read: () => T;
}): Promise<T> {
  try {
    return params.read();
  } catch (error) {
    if (!(error instanceof ModelOutputError)) throw error;
    const problems: string[] = [];
    for (const problem of error.problems) problems.push(await redactSecrets(problem));
    throw new ModelOutputErrorWithUsage({ error, problems, usage: params.usage, exchange: params.exchange });
  }
}

/** The call as sent and answered; `$metadata` (request id, attempts) is the SDK's, not the model's. */
function exchangeOf(request: ConverseCommandInput, output: ConverseCommandOutput): ModelExchange {
  const { $metadata: _metadata, ...answer } = output;
  return { prompt: request, answer };
}
