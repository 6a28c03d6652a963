import type { AgentConfig } from '../../core/config/agent-config.js';
import { gatePolicyFrom } from '../../core/gates/gate-policy.js';
import type { GateReport } from '../../core/gates/gate-report.js';
import { runGates } from '../../core/gates/run-gates.js';
import { readPullRequestFiles, type PullRequestFilesClient } from '../../github/read-pull-request-files.js';
import { bundleFromPullRequestFiles } from './bundle-from-pull-request-files.js';
import { redactReport } from './redact-report.js';

/**
 * The validation gates over a pull request's files as they are at `headSha` (DESIGN §5: the same
 * gates generation runs, under the repository's config), for a head the agent did not write: what
 * a check on that head may honestly say. Files are read as manual mode's push review reads them
 * (`readPullRequestFiles`, bounded by the gates' file limits); those not read are in `skipped`.
 * Findings are redacted (`redactReport`). Throws what the GitHub client throws.
 */
export async function validatePullRequestHead(params: {
  client: PullRequestFilesClient;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  config: AgentConfig;
  templatePath: string | undefined;
}): Promise<{ report: GateReport; skipped: string[] }> {
  const policy = gatePolicyFrom(params.config);
  const read = await readPullRequestFiles({
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    pullNumber: params.pullNumber,
    headSha: params.headSha,
    maxFiles: policy.maxFiles,
    maxFileBytes: policy.maxFileBytes,
  });
  const bundle = bundleFromPullRequestFiles({ files: read.files, templatePath: params.templatePath });
  return { report: await redactReport(await runGates(bundle, policy)), skipped: read.skipped };
}
