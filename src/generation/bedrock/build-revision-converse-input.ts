import type { ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { redactJsonStrings } from '../../core/secrets/redact-json-strings.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import type { RevisionInput } from '../model-provider.js';
import { buildRevisionPrompt } from './build-revision-prompt.js';
import { reviseFilesToolConfig } from './revise-files-tool.js';
import { REVISION_SYSTEM_PROMPT } from './revision-system-prompt.js';

/**
 * The Converse request for a revision: cached stable system prompt, one user turn, `revise_files`
 * forced. No secret reaches the model (DESIGN §5): every string of the input is redacted where it
 * was written (`redactJsonStrings`: the files as files, so file-type rules apply), and the
 * assembled prompt once more, as `buildConverseInput` does for generation.
 */
export async function buildRevisionConverseInput(params: {
  modelId: string;
  maxTokens: number;
  input: RevisionInput;
}): Promise<ConverseCommandInput> {
  const prompt = await redactSecrets(buildRevisionPrompt(await redactJsonStrings(params.input)));
  return {
    modelId: params.modelId,
    system: [{ text: REVISION_SYSTEM_PROMPT }, { cachePoint: { type: 'default' } }],
    messages: [{ role: 'user', content: [{ text: prompt }] }],
    toolConfig: reviseFilesToolConfig,
    inferenceConfig: { maxTokens: params.maxTokens },
  };
}
