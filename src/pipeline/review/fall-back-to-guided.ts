import type { ApprovalCheckView } from '../../core/review/approval-check-view.js';
import { publishApprovalCheck } from '../../github/publish-approval-check.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { reply } from '../task/reply.js';
import { disarmAutoMerge, type AutoMergeDisarming } from './disarm-auto-merge.js';

/**
 * What falling back to guided shows and records: `details`, markdown for the status comment (also
 * posted on the pull request); `record`, the marker fields from turning auto-merge off (a retry
 * pending while GitHub has not confirmed it off, `AutoMergeDisarming`), for the caller's move
 * beside `effective_mode: guided`.
 */
export interface GuidedFallback {
  readonly details: string;
  readonly record: AutoMergeDisarming['record'];
}

/**
 * The steps every fall back of an automated task to guided shares (DESIGN §4: "else falls back to
 * guided") — after a person's push or a new base (`guardAutomatedPullRequest`), after the agent's
 * own commit judged riskier (`judgeAgentCommit`): GitHub's auto-merge is turned off
 * (`disarmAutoMerge`, reporting only what GitHub confirmed), the `implementation-agent/approval`
 * check `view` is shown on `headSha`, and the pull request is told why (`headline`, one bold
 * markdown sentence; `more`, markdown after). The caller records `effective_mode: guided` and
 * `record` on its move. Throws what the GitHub client throws (the check run, the comment).
 */
export async function fallBackToGuided(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  pullNumber: number;
  pullRequestId: string | undefined;
  headSha: string;
  view: ApprovalCheckView;
  /** A fresh head (the agent's own new commit): its check is created, not looked up. */
  fresh?: boolean;
  headline: string;
  more?: string;
}): Promise<GuidedFallback> {
  const { deps, owner, repo, pullNumber } = params;
  const disarmed = await disarmAutoMerge({
    graphql: deps.graphql,
    owner,
    repo,
    pullNumber,
    pullRequestId: params.pullRequestId,
    log: deps.log,
  });
  // While auto-merge may still be on, the approval is not what stands between the PR and a merge.
  const merges =
    disarmed.status === 'off'
      ? 'It merges once someone with write access approves it (the `implementation-agent/approval` check); nothing is deployed on merge.'
      : 'Nothing is deployed on merge; once auto-merge is off, it merges only after someone with write access approves it (the `implementation-agent/approval` check).';
  const details = [
    `${params.headline} ${disarmed.message} ${merges}`,
    ...(params.more === undefined ? [] : [params.more]),
  ].join('\n\n');
  await publishApprovalCheck({
    client: deps.client,
    owner,
    repo,
    headSha: params.headSha,
    view: params.view,
    ...(params.fresh === true ? { fresh: true } : {}),
  });
  await reply({ client: deps.client, owner, repo, issueNumber: pullNumber, body: details });
  return { details, record: disarmed.record };
}
