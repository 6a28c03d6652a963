import type { ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import type { GenerationInput } from '../model-provider.js';
import { buildUserPrompt } from './build-user-prompt.js';
import { redactGenerationInput } from './redact-generation-input.js';
import { SYSTEM_PROMPT } from './system-prompt.js';
import { writeFilesToolConfig } from './write-files-tool.js';

/**
 * The whole Converse request: cached stable system prompt, one user turn, `write_files` forced.
 * No secret reaches the model: each value is redacted where it was written, and the assembled
 * prompt once more, for a secret that only shows as one across fields (`"aws_secret_access_key":
 * "…"` as a key and its value).
 */
export async function buildConverseInput(params: {
  modelId: string;
  maxTokens: number;
  input: GenerationInput;
}): Promise<ConverseCommandInput> {
  const prompt = await redactSecrets(buildUserPrompt(await redactGenerationInput(params.input)));
  return {
    modelId: params.modelId,
    system: [{ text: SYSTEM_PROMPT }, { cachePoint: { type: 'default' } }],
    messages: [{ role: 'user', content: [{ text: prompt }] }],
    toolConfig: writeFilesToolConfig,
    inferenceConfig: { maxTokens: params.maxTokens },
  };
}
