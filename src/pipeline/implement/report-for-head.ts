import type { AgentConfig } from '../../core/config/agent-config.js';
import type { GateReport } from '../../core/gates/gate-report.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { PublishedPullRequest } from '../../github/publish-pull-request.js';
import type { PullRequestFilesClient } from '../../github/read-pull-request-files.js';
import { validatePullRequestHead } from '../review/validate-pull-request-head.js';

/** The report the `implementation-agent` check on the head shows, and what to say when it is not the run's own. */
export interface HeadReport {
  readonly report: GateReport;
  /** The head (40 hex) when it is not a commit the agent made: someone else's push, never validated by it. */
  readonly foreignHead?: string;
  /** Markdown for the status comment, when the check does not show this run's generation. */
  readonly note?: string;
}

/**
 * What the `implementation-agent` check may say on the head a run left (DESIGN §5b: a check names
 * only what the agent validated). A run that pushed its commit (`pull.pushed`) validated that
 * commit's generated files: the generation's `generated` report. A run whose files were already on
 * the branch makes no commit, and the head stays what it was: when the marker records it as the
 * agent's own push (`last_push` by the agent), the generation's report still holds; else the head
 * is someone else's (or unknown to the marker: `foreignHead`). That head, and any head over a
 * branch that carries a person's push (`unvalidated_push`: their files stay under every later
 * commit), get the gates over the pull request's files at that head (`validatePullRequestHead`)
 * instead, the note saying so. Throws what the client throws.
 */
export async function reportForHead(params: {
  client: PullRequestFilesClient;
  owner: string;
  repo: string;
  pull: PublishedPullRequest;
  marker: TaskMarker | undefined;
  generated: GateReport;
  config: AgentConfig;
  templatePath: string | undefined;
}): Promise<HeadReport> {
  const { pull, marker } = params;
  const head = pull.commitSha.toLowerCase();
  const own = pull.pushed || isAgentHead(marker, head);
  const carried = marker?.unvalidated_push;
  if (own && carried === undefined) return { report: params.generated };
  const { report, skipped } = await validatePullRequestHead({
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    pullNumber: pull.number,
    headSha: pull.commitSha,
    config: params.config,
    templatePath: params.templatePath,
  });
  const findings = report.results.reduce((sum, result) => sum + result.findings.length, 0);
  const verdict = report.passed
    ? 'every gate passed'
    : `${findings} finding${findings === 1 ? '' : 's'}, see the check`;
  const unread = skipped.length > 0 ? ` (${skipped.length} file(s) too large or too many were not read)` : '';
  const gates = `reports the validation gates over the pull request's files at that head, not only this generation: ${verdict}${unread}.`;
  const short = (sha: string) => `\`${sha.slice(0, 7)}\``;
  if (own)
    return {
      report,
      note: `The branch carries ${short(carried ?? head)}, pushed by someone other than implementation-agent and never validated, under ${short(head)}, so the \`implementation-agent\` check on ${short(head)} ${gates}`,
    };
  return {
    report,
    foreignHead: head,
    note:
      `The generated files were already on the branch, so no commit was made. Its head ${short(head)} ` +
      `is not a commit implementation-agent made, so the \`implementation-agent\` check on it ${gates}`,
  };
}

/** The marker records `sha` as the agent's own push, and no one else's push at it. */
function isAgentHead(marker: TaskMarker | undefined, sha: string): boolean {
  if (marker?.unvalidated_push === sha) return false;
  return marker?.last_push?.sha.toLowerCase() === sha && marker.last_push.by.kind === 'agent';
}
