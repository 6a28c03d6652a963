import type { TokenUsage as ConverseTokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { TokenUsage } from '../model-provider.js';

/** Dollars per million tokens; cache writes and reads are priced as multiples of the input price. */
export interface BedrockPricing {
  readonly inputUsdPerMillion: number;
  readonly outputUsdPerMillion: number;
  readonly cacheWriteInputFactor: number;
  readonly cacheReadInputFactor: number;
}

/** Claude Sonnet on Bedrock: $3 / $15 per million, cache writes 1.25× input, cache reads 0.1× input. */
export const DEFAULT_BEDROCK_PRICING: BedrockPricing = {
  inputUsdPerMillion: 3,
  outputUsdPerMillion: 15,
  cacheWriteInputFactor: 1.25,
  cacheReadInputFactor: 0.1,
};

/**
 * Converse's `inputTokens` counts only the uncached input; cached reads and writes are reported
 * beside it, so the four counts add up without overlap.
 */
export function usageFromConverse(params: {
  usage: ConverseTokenUsage | undefined;
  pricing: BedrockPricing;
}): TokenUsage {
  const { usage, pricing } = params;
  const inputTokens = usage?.inputTokens ?? 0;
  const outputTokens = usage?.outputTokens ?? 0;
  const cacheReadTokens = usage?.cacheReadInputTokens ?? 0;
  const cacheWriteTokens = usage?.cacheWriteInputTokens ?? 0;
  const inputRate = pricing.inputUsdPerMillion / 1_000_000;
  const costUsd =
    inputTokens * inputRate +
    cacheWriteTokens * inputRate * pricing.cacheWriteInputFactor +
    cacheReadTokens * inputRate * pricing.cacheReadInputFactor +
    (outputTokens * pricing.outputUsdPerMillion) / 1_000_000;
  return { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, costUsd };
}
