import { DEFAULT_CONFIG } from '../../core/config/agent-config.js';
import { canChange } from '../../core/deploy/repository-permission.js';
import { gatePolicyFrom } from '../../core/gates/gate-policy.js';
import { runGates } from '../../core/gates/run-gates.js';
import { mention } from '../../core/markdown/mention.js';
import { pushAuthor } from '../../core/review/push-author.js';
import { pushReview } from '../../core/review/push-review.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import {
  dismissEarlierRequests,
  postPushReview,
  readAgentPushReviews,
} from '../../github/push-review-client.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { readPullRequestFiles } from '../../github/read-pull-request-files.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { bundleFromPullRequestFiles } from './bundle-from-pull-request-files.js';
import { redactReport } from './redact-report.js';
import type { PullRequestTaskEvent } from './classify-pull-request-event.js';
import { taskIdOf } from '../../core/task/task-id-of.js';

/**
 * Manual mode's answer to a push (DESIGN §4, issue #9 item 5): when a person with write access
 * pushes to the pull request of a manual-mode task, the validation gates run on the pull
 * request's files at `headSha` and ONE review is posted on that head: `COMMENT` when they pass,
 * `REQUEST_CHANGES` with the findings (`pushReview`); a clean push dismisses the agent's earlier
 * requests for changes, which would otherwise keep blocking the pull request. Plain inputs (the event, the task's trusted
 * marker, the head GitHub gives now) in, `TaskOutcome` out: `ignored` with the reason when there
 * is nothing to review (not manual mode, the agent's or another bot's push, a pusher without
 * write access, a head already reviewed — so a redelivery posts nothing), else
 * `changes_requested` or `awaiting_review`. Who pushed comes from the delivery's `sender`, never
 * from commit text. Approval is not decided here: `syncPullRequestTask` does it as in guided mode.
 */
export async function reviewHumanPush(
  deps: TaskEventDependencies,
  params: { readonly event: PullRequestTaskEvent; readonly marker: TaskMarker; readonly headSha: string },
): Promise<TaskOutcome> {
  const { client } = deps;
  const { event, marker, headSha } = params;
  const { owner, repo } = event.repository;
  const { issueNumber, pullNumber } = event;
  const ignored = (reason: string): TaskOutcome => ({ status: 'ignored', reason });
  if (!isManual(marker)) return ignored(`the task on issue #${issueNumber} does not run in manual mode`);
  const agentLogin = await deps.trust.identity();
  const author = pushAuthor({ sender: event.sender, agentLogin });
  if (author.kind === 'agent') return ignored(`the push to #${pullNumber} is implementation-agent's own`);
  if (author.kind === 'bot')
    return ignored(`the push to #${pullNumber} is by the bot ${author.login}, not a person`);
  const level = await repositoryPermissionLevel({ client, owner, repo, username: author.login });
  if (!canChange(level)) {
    return ignored(`${author.login} pushed to #${pullNumber} without write access (${level}); not reviewed`);
  }
  const { reviews: earlier, truncated } = await readAgentPushReviews({
    client,
    owner,
    repo,
    pullNumber,
    agentLogin,
  });
  if (truncated)
    deps.log(
      `#${pullNumber} has more reviews than implementation-agent reads; its push reviews older than the newest 1,000 were not read (nor dismissed)`,
    );
  if (earlier.some((review) => review.headSha === headSha)) {
    return ignored(`implementation-agent already reviewed \`${headSha.slice(0, 7)}\` of #${pullNumber}`);
  }
  const configResult = await readAgentConfig({ client, owner, repo });
  const policy = gatePolicyFrom(configResult.ok ? configResult.config : DEFAULT_CONFIG);
  const read = await readPullRequestFiles({
    client,
    owner,
    repo,
    pullNumber,
    headSha,
    maxFiles: policy.maxFiles,
    maxFileBytes: policy.maxFileBytes,
  });
  const bundle = bundleFromPullRequestFiles({ files: read.files, templatePath: marker.template_path });
  const report = await redactReport(await runGates(bundle, policy));
  const review = pushReview({
    report,
    headSha,
    pusher: author.login,
    addedPaths: new Set(read.files.filter((file) => file.status === 'added').map((file) => file.path)),
    skipped: read.skipped,
  });
  await postPushReview({ client, owner, repo, pullNumber, headSha, review });
  if (review.event === 'COMMENT') {
    const { refused } = await dismissEarlierRequests({
      client,
      owner,
      repo,
      pullNumber,
      reviews: earlier,
      headSha,
    });
    if (refused.length > 0) {
      deps.log(
        `Could not dismiss implementation-agent's earlier reviews ${refused.join(', ')} on #${pullNumber}`,
      );
    }
  }
  const findings = report.results.reduce((sum, result) => sum + result.findings.length, 0);
  const head = `\`${headSha.slice(0, 7)}\``;
  return {
    status: review.event === 'COMMENT' ? 'awaiting_review' : 'changes_requested',
    taskId: taskIdOf({ owner, repo, issueNumber }),
    issueNumber,
    pullNumber,
    headSha,
    approvedBy: [],
    findings,
    message:
      `Reviewed ${mention(author.login)}'s push ${head} on #${pullNumber}: ` +
      `${findings} finding${findings === 1 ? '' : 's'}, ` +
      (review.event === 'COMMENT' ? 'every gate passed.' : 'changes requested.'),
  };
}

/** A task runs manual when its resolved mode says so, or (older markers) its requested mode does. */
function isManual(marker: TaskMarker): boolean {
  return (marker.effective_mode ?? marker.execution_mode) === 'manual';
}
