import type { ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import type { z } from 'zod';
import { ModelOutputError, type BranchFile, type FeedbackAnswer } from '../model-provider.js';
import { forcedToolInput } from './forced-tool-input.js';
import { REVISE_FILES_TOOL_NAME, reviseFilesInputSchema } from './revise-files-tool.js';

/**
 * The `revise_files` call in a Converse answer, checked against its schema: the changed files, one
 * answer per feedback item and the commit line. Throws `ModelOutputError` naming every problem
 * when the answer was cut off, holds no call, or the call's input does not fit the schema or
 * names a file twice.
 */
export function revisionFromConverseOutput(params: {
  output: Pick<ConverseCommandOutput, 'output' | 'stopReason'>;
  maxTokens: number;
}): { files: BranchFile[]; answers: FeedbackAnswer[]; summary: string } {
  const input = forcedToolInput({ ...params, toolName: REVISE_FILES_TOOL_NAME });
  const parsed = reviseFilesInputSchema.safeParse(input, {
    error: (issue) => (issue.input === undefined ? 'is required' : undefined),
  });
  if (!parsed.success)
    throw new ModelOutputError(
      `The ${REVISE_FILES_TOOL_NAME} input does not match its schema`,
      parsed.error.issues.map(describeIssue),
    );
  const { files, answers, summary } = parsed.data;
  const seen = new Set<string>();
  const twice = files.filter(({ path }) => seen.size === seen.add(path).size).map(({ path }) => path);
  if (twice.length > 0)
    throw new ModelOutputError(
      `The ${REVISE_FILES_TOOL_NAME} input is inconsistent`,
      twice.map((path) => `files: "${path}" appears more than once`),
    );
  return { files, answers, summary };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? '(input)' : issue.path.map(String).join('.');
  return `${where}: ${issue.message}`;
}
