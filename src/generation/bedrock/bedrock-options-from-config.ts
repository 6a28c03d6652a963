import type { AgentConfig } from '../../core/config/agent-config.js';
import type { BedrockProviderOptions } from './create-bedrock-provider.js';

/** The `model:` section of the repository config, as provider options (runtimes add cache, client...). */
export function bedrockOptionsFromConfig(model: AgentConfig['model']): BedrockProviderOptions {
  return {
    modelId: model.id,
    region: model.region,
    maxTokens: model.max_tokens,
    inputUsdPerMillion: model.input_usd_per_million,
    outputUsdPerMillion: model.output_usd_per_million,
  };
}
