import type { AgentConfig } from '../core/config/agent-config.js';
import { bedrockOptionsFromConfig } from './bedrock/bedrock-options-from-config.js';
import { createBedrockProvider } from './bedrock/create-bedrock-provider.js';
import type { ModelProvider } from './model-provider.js';
import { createOfflineProvider } from './offline/offline-provider.js';

/** The provider the repository's config asks for; every entry point chooses through here. */
export function providerForConfig(config: AgentConfig): ModelProvider {
  return config.provider === 'bedrock'
    ? createBedrockProvider(bedrockOptionsFromConfig(config.model))
    : createOfflineProvider();
}
