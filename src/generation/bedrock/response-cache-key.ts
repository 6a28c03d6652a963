import { createHash } from 'node:crypto';
import type { ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';

/**
 * sha256 of the model id and the exact request. The system prompt, tool schema and token limit are
 * hashed too, so a cached answer is never reused after the prompt or the schema changes.
 */
export function responseCacheKey(request: ConverseCommandInput): string {
  const hashed = {
    modelId: request.modelId,
    messages: request.messages,
    system: request.system,
    toolConfig: request.toolConfig,
    inferenceConfig: request.inferenceConfig,
  };
  return createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
}
