import { agentAppSlugOf } from '../../core/checks/agent-checks.js';
import { DEFAULT_CONFIG } from '../../core/config/agent-config.js';
import { issueNumberFromBranch } from '../../core/naming/issue-number-from-branch.js';
import { decideMergeWhenGreen } from '../../core/review/decide-merge-when-green.js';
import { mergePullRequest } from '../../github/merge-pull-request.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { readChecksVerdict } from '../../github/read-checks-verdict.js';
import { readReviewApproval } from '../../github/read-review-approval.js';
import { reviewPolicyFor } from '../../core/review/review-policy-for.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { ChecksCompletedEvent } from './classify-checks-event.js';
import { syncPullRequestTask } from './sync-pull-request-task.js';
import { taskIdOf } from '../../core/task/task-id-of.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';

/**
 * Merge-when-green (issue #9 items 4, 10): a check suite completed or a commit status arrived for
 * `sha`; each open pull request of a task whose head is that sha is judged again from what GitHub
 * has now — the task's trusted marker (automated, low risk), the pull request, every check run and
 * status on the head (the agent's own excluded), the reviews — and merged with `sha` as the
 * expected head, so a push in between makes GitHub refuse (409) rather than merge unjudged code.
 * Then the task is brought up to date (`syncPullRequestTask`: merged, and deployed on merge), since
 * a merge made with `GITHUB_TOKEN` starts no `pull_request.closed` run. A repeat finds the pull
 * request merged and changes nothing. Returns the last pull request's outcome, `ignored` when none
 * was merged; throws GitHub's HTTP errors other than the merge's refusals.
 */
export async function mergeWhenGreen(
  deps: TaskEventDependencies,
  event: ChecksCompletedEvent,
): Promise<TaskOutcome> {
  const { client } = deps;
  const { owner, repo } = event.repository;
  const { sha } = event;
  const associated = await client.repos.listPullRequestsAssociatedWithCommit({
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const candidates = associated.data.flatMap((pull) => {
    const issueNumber = issueNumberFromBranch(pull.head.ref);
    const ours =
      pull.state === 'open' && pull.head.sha === sha && pull.head.repo?.full_name === `${owner}/${repo}`;
    return ours && issueNumber !== undefined ? [{ pullNumber: pull.number, issueNumber }] : [];
  });
  let outcome: TaskOutcome = {
    status: 'ignored',
    reason: `no open task pull request has ${sha.slice(0, 7)} as its head`,
  };
  for (const { pullNumber, issueNumber } of candidates) {
    const taskId = taskIdOf({ owner, repo, issueNumber });
    const work = () => judgeAndMerge({ deps, event, pullNumber, issueNumber });
    const merged = await (deps.tasks ? deps.tasks.run(taskId, work) : work());
    if (merged.status !== 'merged') {
      deps.log(`Merge-when-green on #${pullNumber}: ${merged.reason}`);
      outcome = { status: 'ignored', reason: `#${pullNumber} not merged: ${merged.reason}` };
      continue;
    }
    deps.log(`Merged #${pullNumber} at ${sha} (merge commit ${merged.sha})`);
    outcome = await syncPullRequestTask(deps, {
      kind: 'pull-request',
      repository: event.repository,
      pullNumber,
      issueNumber,
      event: 'pull_request.closed',
    });
  }
  return outcome;
}

async function judgeAndMerge(params: {
  deps: TaskEventDependencies;
  event: ChecksCompletedEvent;
  pullNumber: number;
  issueNumber: number;
}): Promise<{ status: 'merged'; sha: string } | { status: 'not-merged'; reason: string }> {
  const { deps, event, pullNumber, issueNumber } = params;
  const { client } = deps;
  const { owner, repo } = event.repository;
  const status = await readTaskStatusFor(deps, { owner, repo, issueNumber });
  if (status?.trust !== 'trusted' || status.marker.pull_number !== pullNumber) {
    return { status: 'not-merged', reason: `the task on #${issueNumber} does not prove it opened it` };
  }
  const pull = (await client.pulls.get({ owner, repo, pull_number: pullNumber })).data;
  const configResult = await readAgentConfig({ client, owner, repo });
  const config = configResult.ok ? configResult.config : DEFAULT_CONFIG;
  const [checks, approval] = await Promise.all([
    readChecksVerdict({
      client,
      owner,
      repo,
      sha: event.sha,
      agentAppSlug: agentAppSlugOf(await deps.trust.identity()),
    }),
    readReviewApproval({
      client,
      owner,
      repo,
      pullNumber,
      headSha: pull.head.sha,
      policy: reviewPolicyFor({
        review: config.review,
        marker: status.marker,
        agentLogin: await deps.trust.identity(),
      }),
    }),
  ]);
  const decision = decideMergeWhenGreen({
    marker: status.marker,
    pull: {
      open: pull.state === 'open',
      draft: pull.draft ?? false,
      headSha: pull.head.sha,
      baseRef: pull.base.ref,
    },
    targetBase: status.marker.base_branch ?? event.repository.defaultBranch,
    sha: event.sha,
    checks,
    approval,
  });
  if (!decision.merge) return { status: 'not-merged', reason: decision.reason };
  const result = await mergePullRequest({
    client,
    owner,
    repo,
    pullNumber,
    sha: decision.sha,
    mergeMethod: config.auto_merge.merge_method,
  });
  switch (result.status) {
    case 'merged':
      return result;
    case 'head-moved':
      return {
        status: 'not-merged',
        reason: `the head moved after it was judged (GitHub: ${result.message})`,
      };
    case 'refused':
      return { status: 'not-merged', reason: `GitHub refused the merge (${result.message})` };
  }
}
