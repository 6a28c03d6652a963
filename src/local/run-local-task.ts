import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG, type AgentConfig } from '../core/config/agent-config.js';
import { formatFindingsForRepair } from '../core/gates/format-findings.js';
import { gatePolicyFrom } from '../core/gates/gate-policy.js';
import { branchNameFor } from '../core/naming/branch-name.js';
import { renderPrBody } from '../core/render/pr-body.js';
import { formatRequestErrors } from '../core/request/format-request-errors.js';
import { parseIssueRequest } from '../core/request/parse-issue-request.js';
import { parseRequestDocument } from '../core/request/parse-request-document.js';
import { validateParsedRequest } from '../core/request/validate-parsed-request.js';
import type { ModelProvider } from '../generation/model-provider.js';
import { generateWithRepair } from '../pipeline/generate-with-repair.js';
import { commitToLocalBranch } from './commit-to-local-branch.js';

export type LocalTaskResult =
  | { readonly status: 'pr_open'; readonly branch: string; readonly commit: string; readonly outDir: string }
  | { readonly status: 'invalid_request' | 'failed'; readonly outDir: string; readonly message: string };

/**
 * The whole pipeline on a laptop: request file → validation → generation with repair → gates →
 * a commit on a new local branch, with the PR body, validation report and status in `outDir`.
 */
export async function runLocalTask(params: {
  requestFile: string;
  repoDir: string;
  outDir: string;
  provider: ModelProvider;
  config?: AgentConfig;
  progress: (line: string) => void;
}): Promise<LocalTaskResult> {
  const config = params.config ?? DEFAULT_CONFIG;
  const { outDir, progress } = params;
  await mkdir(outDir, { recursive: true });
  progress(`Reading ${params.requestFile}`);
  const text = await readFile(params.requestFile, 'utf8');
  const parsed = /\.(md|markdown)$/i.test(params.requestFile)
    ? parseIssueRequest(text)
    : parseRequestDocument({ channel: 'file', input: text });
  const validation = parsed.kind === 'not-a-request' ? undefined : validateParsedRequest(parsed);
  if (!validation?.ok) {
    const message = validation
      ? formatRequestErrors({ errors: validation.errors, channel: validation.channel })
      : 'This file does not hold an implementation request.';
    await writeStatus(outDir, { status: 'invalid_request' });
    await writeFile(path.join(outDir, 'request-errors.md'), message);
    return { status: 'invalid_request', outDir, message };
  }
  const request = validation.payload;
  const exec = request.execution_request;
  progress(
    `Request valid: ${exec.task_type} "${exec.task_name}" (${exec.execution_mode}, ${exec.target_environment})`,
  );

  const outcome = await generateWithRepair({
    provider: params.provider,
    request,
    context: { owner: 'local', repo: path.basename(path.resolve(params.repoDir)) },
    policy: gatePolicyFrom(config),
    maxRepairAttempts: config.generation.max_repair_attempts,
    onAttempt: (attempt) => progress(`Generating with ${params.provider.name} (attempt ${attempt})`),
  });
  if (!outcome.ok) {
    const message = `Validation failed after ${outcome.attempts} attempt(s):\n${formatFindingsForRepair(outcome.findings)}`;
    await writeFile(path.join(outDir, 'validation-report.md'), message + '\n');
    await writeStatus(outDir, { status: 'failed', attempts: outcome.attempts, usage: outcome.usage });
    return { status: 'failed', outDir, message };
  }
  progress(`Validation gates passed (${outcome.bundle.files.length} files)`);

  const branch = branchNameFor({ taskName: exec.task_name });
  const prBody = renderPrBody({
    request,
    bundle: outcome.bundle,
    report: outcome.report,
    usage: outcome.usage,
    model: outcome.model,
    attempts: outcome.attempts,
  });
  const { commit, createdRepo } = await commitToLocalBranch({
    repoDir: params.repoDir,
    branch,
    files: outcome.bundle.files,
    message: `Implement ${exec.task_name} (${exec.task_type}, attempt ${outcome.attempts})`,
  });
  if (createdRepo) progress(`Created git repository ${params.repoDir}`);
  progress(`Committed ${commit.slice(0, 7)} on branch ${branch}`);

  await writeFile(path.join(outDir, 'pr-body.md'), prBody);
  await writeFile(
    path.join(outDir, 'validation-report.json'),
    JSON.stringify(outcome.report, null, 2) + '\n',
  );
  await writeStatus(outDir, {
    status: 'pr_open',
    branch,
    commit,
    model: outcome.model,
    attempts: outcome.attempts,
    usage: outcome.usage,
    files: outcome.bundle.files.map((f) => f.path),
  });
  progress(`Wrote PR body, validation report and status to ${outDir}`);
  return { status: 'pr_open', branch, commit, outDir };
}

async function writeStatus(outDir: string, status: Record<string, unknown>): Promise<void> {
  await writeFile(
    path.join(outDir, 'status.json'),
    JSON.stringify({ ...status, updated_at: new Date().toISOString() }, null, 2) + '\n',
  );
}
