import type { ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { ModelOutputError } from '../model-provider.js';

/** How much of the text a model wrote instead of calling its tool is quoted back to it. */
const QUOTED_TEXT_LIMIT = 500;

/**
 * The input of the one tool a Converse call forced (`toolChoice.tool`), unchecked. Throws
 * `ModelOutputError` when the answer was cut off at `maxTokens` (`stopReason` `max_tokens`; the
 * problem ends with `cutOffAdvice` when given) or holds no call of `toolName` (quoting at most 500
 * characters of what the model wrote instead). Bedrock Converse API reference: ContentBlock,
 * ToolUseBlock, StopReason.
 */
export function forcedToolInput(params: {
  output: Pick<ConverseCommandOutput, 'output' | 'stopReason'>;
  maxTokens: number;
  toolName: string;
  cutOffAdvice?: string;
}): unknown {
  const { output, maxTokens, toolName } = params;
  const content = output.output?.message?.content ?? [];
  if (output.stopReason === 'max_tokens') {
    const advice = params.cutOffAdvice === undefined ? '' : `; ${params.cutOffAdvice}`;
    throw new ModelOutputError(`The answer was cut off at ${maxTokens} output tokens`, [
      `the answer exceeded the ${maxTokens}-token output limit${advice}`,
    ]);
  }
  const toolUse = content.find((block) => block.toolUse?.name === toolName)?.toolUse;
  if (toolUse === undefined) {
    const text = content
      .map((block) => block.text ?? '')
      .join('')
      .trim();
    const said = text === '' ? '' : `; it said: "${text.slice(0, QUOTED_TEXT_LIMIT)}"`;
    throw new ModelOutputError(`The model did not call ${toolName}`, [
      `the model stopped (${output.stopReason ?? 'unknown reason'}) without calling ${toolName}${said}`,
    ]);
  }
  return toolUse.input;
}
