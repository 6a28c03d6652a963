import type { ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import { ModelOutputError } from '../model-provider.js';
import { parseWriteFilesInput } from './parse-write-files-input.js';
import { WRITE_FILES_TOOL_NAME } from './write-files-tool.js';

const QUOTED_TEXT_LIMIT = 500;

/** Finds the `write_files` call in a Converse answer; anything else is a ModelOutputError to repair. */
export function bundleFromConverseOutput(params: {
  output: Pick<ConverseCommandOutput, 'output' | 'stopReason'>;
  maxTokens: number;
}): ArtifactBundle {
  const { output, maxTokens } = params;
  const content = output.output?.message?.content ?? [];
  const toolUse = content.find((block) => block.toolUse?.name === WRITE_FILES_TOOL_NAME)?.toolUse;
  if (output.stopReason === 'max_tokens') {
    throw new ModelOutputError(`The answer was cut off at ${maxTokens} output tokens`, [
      `the answer exceeded the ${maxTokens}-token output limit; make files shorter or fewer and call ${WRITE_FILES_TOOL_NAME} again with the complete set`,
    ]);
  }
  if (toolUse === undefined) {
    const text = content
      .map((block) => block.text ?? '')
      .join('')
      .trim();
    const said = text === '' ? '' : `; it said: "${text.slice(0, QUOTED_TEXT_LIMIT)}"`;
    throw new ModelOutputError(`The model did not call ${WRITE_FILES_TOOL_NAME}`, [
      `the model stopped (${output.stopReason ?? 'unknown reason'}) without calling ${WRITE_FILES_TOOL_NAME}${said}`,
    ]);
  }
  return parseWriteFilesInput(toolUse.input);
}
