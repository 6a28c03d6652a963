import type { ToolConfiguration } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import { forcedToolConfig } from './forced-tool-config.js';

export const REVISE_FILES_TOOL_NAME = 'revise_files';

/** The revision tool's input: changed files only, and one answer per piece of feedback. */
export const reviseFilesInputSchema = z.object({
  summary: z.string().trim().min(1).max(200).describe('One line for the commit message.'),
  files: z
    .array(
      z.object({
        path: z.string().trim().min(1).describe('Path of one of the files you were shown, exactly as given.'),
        content: z.string().describe('The complete new content of the file.'),
      }),
    )
    .describe('Only the files you changed, each complete; empty when you changed nothing.'),
  answers: z
    .array(
      z.object({
        id: z.string().trim().min(1).describe('The id of the feedback item answered.'),
        changed: z.boolean().describe('Whether you changed files for this item.'),
        answer: z
          .string()
          .trim()
          .min(1)
          .max(1_000)
          .describe('What you changed for it, or why you did not; one or two sentences for the reviewer.'),
      }),
    )
    .describe('One answer for every feedback item.'),
});

export type ReviseFilesInput = z.infer<typeof reviseFilesInputSchema>;

/** Offers only `revise_files` and forces the model to call it, as `writeFilesToolConfig` does for generation. */
export const reviseFilesToolConfig: ToolConfiguration = forcedToolConfig({
  name: REVISE_FILES_TOOL_NAME,
  description: 'Write the files changed to address the review feedback, and answer every feedback item.',
  schema: reviseFilesInputSchema,
});
