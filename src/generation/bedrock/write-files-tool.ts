import type { ToolConfiguration } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import type { FileRole } from '../../core/bundle/artifact-bundle.js';
import { forcedToolConfig } from './forced-tool-config.js';

export const WRITE_FILES_TOOL_NAME = 'write_files';

const FILE_ROLES = ['source', 'template', 'test', 'doc', 'config'] as const satisfies readonly FileRole[];
// Fails to compile if FileRole gains a role the tool schema does not offer the model.
const _everyRoleOffered: [Exclude<FileRole, (typeof FILE_ROLES)[number]>] extends [never] ? true : false =
  true;

/** The tool's input: the only shape in which the model may hand back work. */
export const writeFilesInputSchema = z.object({
  summary: z.string().trim().min(1).describe('Two or three sentences a reviewer reads first.'),
  plan: z.array(z.string().trim().min(1)).min(1).describe('Ordered implementation steps.'),
  files: z
    .array(
      z.object({
        path: z
          .string()
          .trim()
          .min(1)
          .describe('Repository-relative POSIX path, e.g. src/orders/handler.ts.'),
        content: z.string().describe('The complete file content.'),
        role: z
          .enum(FILE_ROLES)
          .describe('What the file is, for the validation gates and the PR file table.'),
      }),
    )
    .min(1)
    .describe('Every file of the change, each complete.'),
  template_path: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('Path (one of files) of the CloudFormation template; omit only when the change has none.'),
  risk_notes: z
    .array(z.string().trim().min(1))
    .describe(
      'What a reviewer should check closely: IAM, replacements, deletions, public exposure. May be empty.',
    ),
});

export type WriteFilesInput = z.infer<typeof writeFilesInputSchema>;

/** Offers only `write_files` and forces the model to call it, so the answer is structured, never prose. */
export const writeFilesToolConfig: ToolConfiguration = forcedToolConfig({
  name: WRITE_FILES_TOOL_NAME,
  description:
    'Write the complete set of files for the requested change, with a summary, the plan and risk notes.',
  schema: writeFilesInputSchema,
});
