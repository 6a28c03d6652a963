import type { GeneratedFile } from '../../core/bundle/artifact-bundle.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { stackParametersOf } from '../../core/risk/stack-parameters-of.js';
import type { ExecutionMode } from '../../core/request/execution-request.js';
import { renderModeDecision } from '../../core/render/mode-decision-section.js';
import { approvalCheckView } from '../../core/review/approval-check-view.js';
import { NO_REVIEWS } from '../../core/review/decide-approval.js';
import { classifyRisk } from '../../core/risk/classify-risk.js';
import { isProductionEnvironment } from '../../core/risk/is-production-environment.js';
import { modeAfterCommit, type ModeAfterCommit } from '../../core/risk/mode-after-commit.js';
import type { ReviewedBaseFile } from '../../core/risk/reviewed-base-file.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { runsAutomated } from '../../core/state/runs-automated.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { githubBaseReader } from '../risk/github-base-reader.js';
import { readReviewedBase } from '../risk/read-reviewed-base.js';
import { fallBackToGuided } from './fall-back-to-guided.js';

/** What the task's marker and status comment take from the judgement of the agent's commit. */
export interface CommitJudgement {
  /**
   * For the marker: the mode the task runs in now and the branch's risk (`modeAfterCommit`), and,
   * when it fell back and GitHub did not confirm auto-merge off, the retry (`auto_merge_off_pending`).
   */
  readonly patch: Pick<TaskMarker, 'effective_mode' | 'risk_level' | 'auto_merge_off_pending'>;
  /** Markdown for the status comment: the mode decision, and the fallback when there was one. */
  readonly details: string;
  /** The task ran automated before the commit and no longer does. */
  readonly fellBack: boolean;
}

/**
 * Every commit the agent pushes on a task's branch outside generation (review feedback, applied
 * suggestions or a model's revision) is risk-classified like a generation (DESIGN §4, §5b): the
 * classifier over `files` (the files the commit wrote, and the pull request's other templates when
 * it wrote one; `unread` ones count as high; `template_path` declared), the task's target
 * environment, and `modeAfterCommit` (risk only accumulates on a branch; a fallback is never
 * undone by a commit). When the task ran automated and no longer does, it falls back to guided:
 * `fallBackToGuided` turns GitHub's auto-merge off, shows the `implementation-agent/approval` check
 * pending on `commitSha` and tells the pull request why; the caller records `patch`
 * (so merge-when-green and deploy on merge leave the task alone) and shows `details` on the status
 * comment. Throws what the GitHub client throws (the check run, the comment).
 */
export async function judgeAgentCommit(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The pull request's GraphQL node id, for turning auto-merge off. */
  pullRequestId: string | undefined;
  marker: TaskMarker;
  config: AgentConfig;
  files: readonly GeneratedFile[];
  /** Files of the change too large or too many to read: each counts as an unreadable template. */
  unread?: readonly string[];
  /** The commit the agent pushed (40 hex): the new head. */
  commitSha: string;
  /**
   * The branch the pull request merges into: the commit's lockfiles are compared with it
   * (`readReviewedBase`). Absent: no base, every install script counts.
   */
  baseRef?: string;
}): Promise<CommitJudgement> {
  const { deps, owner, repo, pullNumber, marker } = params;
  const base =
    params.baseRef === undefined
      ? undefined
      : await readReviewedBase({
          paths: params.files.map((file) => file.path),
          files: params.files,
          read: githubBaseReader({ client: deps.client, owner, repo, ref: params.baseRef }),
          templatePath: marker.template_path,
        });
  const judged = judge({ ...params, ...(base === undefined ? {} : { base }) });
  const { decision } = judged;
  const patch = { effective_mode: decision.effective, risk_level: judged.riskLevel };
  const fellBack = runsAutomated(marker) && !runsAutomated(patch);
  if (!fellBack) return { patch, details: renderModeDecision(decision), fellBack };
  const fallBack = await fallBackToGuided({
    deps,
    owner,
    repo,
    pullNumber,
    pullRequestId: params.pullRequestId,
    headSha: params.commitSha,
    view: approvalCheckView({ decision: NO_REVIEWS, setAside: [], headSha: params.commitSha }),
    fresh: true,
    headline:
      `**implementation-agent's commit \`${params.commitSha.slice(0, 7)}\` for review feedback was risk-classified again, ` +
      'and the task no longer runs automated.**',
    // The pull request gets the reasons too: the mode decision the status comment shows.
    more: renderModeDecision(decision),
  });
  deps.log(`Task ${marker.task_id} fell back to guided after commit ${params.commitSha}`);
  return {
    patch: { ...patch, ...('patch' in fallBack.record ? fallBack.record.patch : {}) },
    details: fallBack.details,
    fellBack,
  };
}

/** The classifier and the mode rules over the commit's files, from what the marker recorded. */
function judge(params: {
  marker: TaskMarker;
  config: AgentConfig;
  files: readonly GeneratedFile[];
  unread?: readonly string[];
  base?: readonly ReviewedBaseFile[];
}): ModeAfterCommit {
  const { marker, config } = params;
  const environment = marker.environment ?? '';
  const classified = classifyRisk({
    files: params.files,
    ...(marker.template_path === undefined ? {} : { templatePath: marker.template_path }),
    targetEnvironment: environment,
    production: environment !== '' && isProductionEnvironment({ name: environment, config }),
    ...(params.base === undefined ? {} : { base: params.base }),
    ...stackParametersOf(config, environment),
  });
  // Unknown counts as high (DESIGN §4): a file that could not be read may hold anything.
  const unread = (params.unread ?? []).map((path) => ({
    code: 'template-unreadable' as const,
    where: path,
    message: 'A file of the pull request too large or too many to read; treated as high risk.',
  }));
  const risk =
    unread.length === 0
      ? classified
      : { level: 'high' as const, reasons: [...classified.reasons, ...unread] };
  const requested = requestedMode(marker);
  return modeAfterCommit({
    requested,
    risk,
    before: {
      riskLevel: marker.risk_level,
      unvalidatedPush: marker.unvalidated_push,
      fellBack: (requested === 'automated' || requested === 'hybrid') && !runsAutomated(marker),
      ...(marker.trust_lost === true ? { trustLost: true } : {}),
    },
  });
}

/** The mode the request asked for; older markers without it: the mode the task ran in, else guided. */
function requestedMode(marker: TaskMarker): ExecutionMode {
  return marker.execution_mode ?? marker.effective_mode ?? 'guided';
}
