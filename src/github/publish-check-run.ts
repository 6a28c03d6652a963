import { VALIDATION_CHECK_NAME } from '../core/checks/agent-checks.js';
import { formatGateReportMarkdown } from '../core/gates/format-findings.js';
import type { GateReport } from '../core/gates/gate-report.js';
import { fitBody } from '../core/markdown/fit-body.js';
import { CHECK_RUN_SUMMARY_LIMIT } from '../core/markdown/github-limits.js';
import { redactSecrets } from '../core/secrets/redact-secrets.js';

/** Named in core, where the deploy rules tell the agent's own checks from CI. */
export const CHECK_RUN_NAME = VALIDATION_CHECK_NAME;

export interface CheckRunClient {
  checks: {
    create(p: {
      owner: string;
      repo: string;
      name: string;
      head_sha: string;
      status: 'completed';
      conclusion: 'success' | 'failure';
      details_url?: string;
      output: { title: string; summary: string; text?: string };
    }): Promise<{ data: { id: number } }>;
  };
}

/**
 * The validation results as the `implementation-agent` check on the PR head commit. The summary
 * is cut to GitHub's 65,535-byte limit for it, whole table rows at a time, with "…and N more".
 * The summary is redacted here, at the sink (a gate that crashed is reported with its error's
 * message); throws when the scanner fails.
 */
export async function publishCheckRun(params: {
  client: CheckRunClient;
  owner: string;
  repo: string;
  headSha: string;
  report: GateReport;
  detailsUrl?: string;
}): Promise<number> {
  const { report } = params;
  const failed = report.results.filter((result) => !result.passed && result.skipped === undefined).length;
  const title = report.passed
    ? `${report.results.length} validation gates passed`
    : `${failed} of ${report.results.length} validation gates failed`;
  const created = await params.client.checks.create({
    owner: params.owner,
    repo: params.repo,
    name: CHECK_RUN_NAME,
    head_sha: params.headSha,
    status: 'completed',
    conclusion: report.passed ? 'success' : 'failure',
    ...(params.detailsUrl === undefined ? {} : { details_url: params.detailsUrl }),
    output: {
      title,
      summary: fitBody({
        body: await redactSecrets(formatGateReportMarkdown(report)),
        limit: CHECK_RUN_SUMMARY_LIMIT,
      }),
    },
  });
  return created.data.id;
}
