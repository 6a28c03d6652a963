import type { AgentConfig } from '../../core/config/agent-config.js';
import type { GateReport } from '../../core/gates/gate-report.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { PublishedPullRequest } from '../../github/publish-pull-request.js';
import type { PullRequestFilesClient } from '../../github/read-pull-request-files.js';
import { unvalidatedHead } from '../../core/review/unvalidated-head.js';
import { validatePullRequestHead } from '../review/validate-pull-request-head.js';

/** The report the `implementation-agent` check on the head shows, and what to say when it is not the run's own. */
export interface HeadReport {
  readonly report: GateReport;
  /**
   * The branch head the run found that the agent did not validate (40 hex): the parent its commit
   * was built on, or the head itself when it made no commit. The caller records it as
   * `unvalidated_push` and the task runs guided.
   */
  readonly foreignHead?: string;
  /** Markdown for the status comment, when the check does not show this run's generation. */
  readonly note?: string;
}

/**
 * What the `implementation-agent` check may say on the head a run left (DESIGN §5b: a check names
 * only what the agent validated). The run's commit is built on the branch's head (`pull.builtOn`);
 * when that head is the agent's own commit (`unvalidatedHead` over `marker`: its `last_push`) and
 * the branch carries no person's push (`unvalidated_push`), the generation's `generated` report
 * holds, for a new commit or for the unchanged head alike. Any other head — a person's push the
 * agent saw, or one it never heard of (its `synchronize` never delivered, a branch pushed anew
 * while the pull request was closed) — stays under the new head (`foreignHead`), and with a
 * carried push the check gets the gates over the pull request's files at the head
 * (`validatePullRequestHead`) instead, the note saying so. `marker` is the branch's standing as
 * the run sees it (a branch made anew carries nothing: `onRecreatedBranch`). Throws what the client throws.
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
  const under = pull.builtOn === undefined ? undefined : unvalidatedHead({ marker, head: pull.builtOn });
  const carried = under?.sha ?? marker?.unvalidated_push;
  if (carried === undefined) return { report: params.generated };
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
  // A push no event told the agent of is named as such: nobody was asked to review it.
  const unseen =
    under?.seen === false
      ? ` (no event about that push ever reached implementation-agent: the run found it as the branch's head and built on it; it is treated as a person's push, so automated mode does not merge it)`
      : '';
  const foreign = under === undefined ? {} : { foreignHead: under.sha };
  if (pull.pushed || under === undefined)
    return {
      report,
      ...foreign,
      note: `The branch carries ${short(carried)}, pushed by someone other than implementation-agent and never validated${unseen}, under ${short(head)}, so the \`implementation-agent\` check on ${short(head)} ${gates}`,
    };
  return {
    report,
    ...foreign,
    note:
      `The generated files were already on the branch, so no commit was made. Its head ${short(head)} ` +
      `is not a commit implementation-agent made${unseen}, so the \`implementation-agent\` check on it ${gates}`,
  };
}
