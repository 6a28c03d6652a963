import type { ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import { forcedToolInput } from './forced-tool-input.js';
import { parseWriteFilesInput } from './parse-write-files-input.js';
import { WRITE_FILES_TOOL_NAME } from './write-files-tool.js';

/** Finds the `write_files` call in a Converse answer; anything else is a ModelOutputError to repair. */
export function bundleFromConverseOutput(params: {
  output: Pick<ConverseCommandOutput, 'output' | 'stopReason'>;
  maxTokens: number;
}): ArtifactBundle {
  const input = forcedToolInput({
    ...params,
    toolName: WRITE_FILES_TOOL_NAME,
    cutOffAdvice: `make files shorter or fewer and call ${WRITE_FILES_TOOL_NAME} again with the complete set`,
  });
  return parseWriteFilesInput(input);
}
