import type { z } from 'zod';
import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import { ModelOutputError } from '../model-provider.js';
import { WRITE_FILES_TOOL_NAME, writeFilesInputSchema } from './write-files-tool.js';

/**
 * Checks the model's `write_files` input and turns it into a bundle. Every problem is listed, each
 * with where it is, because the repair loop sends the list back to the model verbatim.
 */
export function parseWriteFilesInput(toolInput: unknown): ArtifactBundle {
  const parsed = writeFilesInputSchema.safeParse(toolInput, {
    error: (issue) => (issue.input === undefined ? 'is required' : undefined),
  });
  if (!parsed.success) {
    throw new ModelOutputError(
      `The ${WRITE_FILES_TOOL_NAME} input does not match its schema`,
      parsed.error.issues.map(describeIssue),
    );
  }
  const { summary, plan, files, template_path: templatePath, risk_notes: riskNotes } = parsed.data;
  const problems = crossFieldProblems({ files, templatePath });
  if (problems.length > 0) {
    throw new ModelOutputError(`The ${WRITE_FILES_TOOL_NAME} input is inconsistent`, problems);
  }
  return { summary, plan, files, riskNotes, ...(templatePath === undefined ? {} : { templatePath }) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? '(input)' : formatPath(issue.path);
  return `${where}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function crossFieldProblems(params: {
  files: readonly { path: string }[];
  templatePath: string | undefined;
}): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { path } of params.files) {
    if (seen.has(path)) problems.push(`files: "${path}" appears more than once`);
    seen.add(path);
  }
  if (params.templatePath !== undefined && !seen.has(params.templatePath)) {
    problems.push(`template_path: "${params.templatePath}" is not the path of any file in files`);
  }
  return problems;
}
