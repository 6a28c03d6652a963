import type { GeneratedFile } from '../../core/bundle/artifact-bundle.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { gatePolicyFrom } from '../../core/gates/gate-policy.js';
import { readPullRequestFiles, type PullRequestFilesClient } from '../../github/read-pull-request-files.js';

/** What the risk classifier may read as a template: the task's template, or a YAML or JSON file. */
const TEMPLATE_LIKE = /\.(ya?ml|json|template)$/i;

/**
 * The files an agent's commit is risk-classified over (`judgeAgentCommit`): the ones it wrote, and,
 * when it wrote a template, every other template-like file of the pull request at `commitSha`
 * (`readPullRequestFiles`, bounded by the gates' limits) — rules over all templates together (the
 * address space every ingress rule opens, `ingressBreadthRisks`) see the whole change, not one
 * commit's share of it. `unread` lists template-like files too large or too many to read, which the
 * judgement counts as high risk. Throws what the GitHub client throws.
 */
export async function filesToJudge(params: {
  client: PullRequestFilesClient;
  owner: string;
  repo: string;
  pullNumber: number;
  commitSha: string;
  config: AgentConfig;
  templatePath: string | undefined;
  written: readonly GeneratedFile[];
}): Promise<{ files: GeneratedFile[]; unread: string[] }> {
  const { written, templatePath } = params;
  const isTemplate = (path: string) => path === templatePath || TEMPLATE_LIKE.test(path);
  if (!written.some((file) => isTemplate(file.path))) return { files: [...written], unread: [] };
  const writtenPaths = new Set(written.map((file) => file.path));
  const policy = gatePolicyFrom(params.config);
  const read = await readPullRequestFiles({
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    pullNumber: params.pullNumber,
    headSha: params.commitSha,
    maxFiles: policy.maxFiles,
    maxFileBytes: policy.maxFileBytes,
    only: (path) => isTemplate(path) && !writtenPaths.has(path),
  });
  const others = read.files.map((file) => ({
    path: file.path,
    content: file.content,
    role: 'source' as const,
  }));
  return { files: [...written, ...others], unread: read.skipped };
}
