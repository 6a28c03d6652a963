import type { ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import type { GenerationInput } from '../model-provider.js';
import { buildUserPrompt } from './build-user-prompt.js';
import { SYSTEM_PROMPT } from './system-prompt.js';
import { writeFilesToolConfig } from './write-files-tool.js';

/** The whole Converse request: cached stable system prompt, one user turn, `write_files` forced. */
export function buildConverseInput(params: {
  modelId: string;
  maxTokens: number;
  input: GenerationInput;
}): ConverseCommandInput {
  return {
    modelId: params.modelId,
    system: [{ text: SYSTEM_PROMPT }, { cachePoint: { type: 'default' } }],
    messages: [{ role: 'user', content: [{ text: buildUserPrompt(params.input) }] }],
    toolConfig: writeFilesToolConfig,
    inferenceConfig: { maxTokens: params.maxTokens },
  };
}
