import type { AgentConfig } from '../../core/config/agent-config.js';
import type { FeedbackPlan } from '../../core/feedback/plan-feedback-changes.js';
import { gatePolicyFrom } from '../../core/gates/gate-policy.js';
import { runGates } from '../../core/gates/run-gates.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { commitToBranch } from '../../github/commit-to-branch.js';
import { publishCheckRun } from '../../github/publish-check-run.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { validatePullRequestHead } from './validate-pull-request-head.js';
import { judgeAgentCommit, type CommitJudgement } from './judge-agent-commit.js';
import { filesToJudge } from './files-to-judge.js';

/**
 * The plan's files through the validation gates generation runs (DESIGN §5: paths, limits,
 * secrets, template, TypeScript — the task's template checked as one when the feedback touched it), then as one
 * commit on the branch on top of `headSha`, which then carries the `implementation-agent` check
 * with those gate results (as generation's commits do, `runIssueTask`): merge-when-green merges
 * only a head that check validated, and a branch may require it (DESIGN §4); on a branch carrying
 * a person's push (`unvalidated_push`) that check covers every file of the pull request
 * (`validatePullRequestHead`). A failing gate pushes
 * nothing and says which. The pushed commit is then judged for risk like a generation
 * (`judgeAgentCommit`, over its files and, when it wrote a template, the pull request's other
 * templates: `filesToJudge`): a change that makes the task high risk ends automated mode on the spot, and
 * the caller records the returned `judgement` on the task's marker and status comment.
 */
export async function pushFeedbackCommit(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  branch: string;
  headSha: string;
  pullNumber: number;
  /** The pull request's GraphQL node id, for turning auto-merge off when the task falls back. */
  pullRequestId: string | undefined;
  plan: FeedbackPlan;
  config: AgentConfig;
  marker: TaskMarker;
  /** The model's one line when it revised files from free text: the commit message says it. */
  summary?: string;
  /** The branch the pull request merges into: its lockfiles are the reviewed base (`judgeAgentCommit`). */
  baseRef?: string;
}): Promise<{ ok: true; commitSha: string; judgement: CommitJudgement } | { ok: false; reason: string }> {
  const { plan, marker } = params;
  const files = [...plan.files].map(([path, content]) => ({ path, content, role: 'source' as const }));
  const templatePath =
    marker.template_path !== undefined && plan.files.has(marker.template_path)
      ? marker.template_path
      : undefined;
  const report = await runGates(
    { summary: '', plan: [], files, riskNotes: [], ...(templatePath === undefined ? {} : { templatePath }) },
    gatePolicyFrom(params.config),
  );
  if (!report.passed) {
    const findings = report.results.flatMap((result) =>
      result.findings.map((finding) => `${finding.gate}: ${finding.message}`),
    );
    return {
      ok: false,
      reason: `the changed files did not pass the validation gates (${untrustedInline(findings.slice(0, 5).join('; '))}), so nothing was pushed`,
    };
  }
  const fixed = plan.replies.filter((reply) => reply.fixed).length;
  const commitSha = await commitToBranch({
    client: params.deps.client,
    owner: params.owner,
    repo: params.repo,
    branch: params.branch,
    parentSha: params.headSha,
    files: plan.files,
    message:
      params.summary === undefined
        ? `Apply ${fixed} review suggestion${fixed === 1 ? '' : 's'} (implementation-agent, ${marker.task_id})`
        : `Address review feedback: ${params.summary.replace(/\s+/g, ' ').trim().slice(0, 200)} (implementation-agent, ${marker.task_id})`,
  });
  // A branch carrying a person's push holds files no gate of the agent's saw: the check over the
  // commit then covers every file of the pull request, not only the ones this commit changed.
  const checked =
    marker.unvalidated_push === undefined
      ? report
      : (
          await validatePullRequestHead({
            client: params.deps.client,
            owner: params.owner,
            repo: params.repo,
            pullNumber: params.pullNumber,
            headSha: commitSha,
            config: params.config,
            templatePath: marker.template_path,
          })
        ).report;
  await publishCheckRun({
    client: params.deps.client,
    owner: params.owner,
    repo: params.repo,
    headSha: commitSha,
    report: checked,
  });
  // A template written here is judged with the pull request's other templates (ingress adds up).
  const judged = await filesToJudge({
    client: params.deps.client,
    owner: params.owner,
    repo: params.repo,
    pullNumber: params.pullNumber,
    commitSha,
    config: params.config,
    templatePath: marker.template_path,
    written: files,
  });
  const judgement = await judgeAgentCommit({
    deps: params.deps,
    owner: params.owner,
    repo: params.repo,
    pullNumber: params.pullNumber,
    pullRequestId: params.pullRequestId,
    marker,
    config: params.config,
    files: judged.files,
    unread: judged.unread,
    commitSha,
    ...(params.baseRef === undefined ? {} : { baseRef: params.baseRef }),
  });
  return { ok: true, commitSha, judgement };
}
