import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { bedrockOptionsFromConfig } from '../../../src/generation/bedrock/bedrock-options-from-config.js';

describe('bedrockOptionsFromConfig', () => {
  it('carries the model section of the repository config over to the provider', () => {
    const config = agentConfigSchema.parse({
      provider: 'bedrock',
      model: {
        id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
        region: 'us-east-1',
        max_tokens: 8_000,
        input_usd_per_million: 2.5,
        output_usd_per_million: 12,
      },
    });

    expect(bedrockOptionsFromConfig(config.model)).toEqual({
      modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      region: 'us-east-1',
      maxTokens: 8_000,
      inputUsdPerMillion: 2.5,
      outputUsdPerMillion: 12,
    });
  });
});
