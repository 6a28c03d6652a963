import { DEFAULT_CONFIG } from '../../core/config/agent-config.js';
import { judgeFeedbackAuthor, machineAuthor } from '../../core/feedback/judge-feedback-author.js';
import { iterationBound } from '../../core/feedback/iteration-bound.js';
import {
  FREE_TEXT_OFFLINE,
  planFeedbackChanges,
  type FeedbackPlan,
} from '../../core/feedback/plan-feedback-changes.js';
import { feedbackTriggerKey, type ReviewFeedback } from '../../core/feedback/review-feedback.js';
import { recordTrigger, wasHandled } from '../../core/idempotency/handled-triggers.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import { mention } from '../../core/markdown/mention.js';
import { httpStatusOf } from '../../github/http-status.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { readBranchTexts } from '../../github/read-branch-texts.js';
import { readReviewFeedback, type DatedFeedback } from '../../github/read-review-feedback.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { PullRequestTaskEvent } from './classify-pull-request-event.js';
import { pushFeedbackCommit } from './push-feedback-commit.js';
import { answerFeedback } from './answer-feedback.js';
import { taskBoardFor } from '../task/task-board-for.js';

/** What free text gets with a provider that cannot revise code from it yet. */
const FREE_TEXT_NOT_YET =
  'This version of the agent applies ```suggestion blocks; it does not yet rewrite code from free-text review comments with any provider. ' +
  'A person with write access can make this change on the branch.';

/**
 * Review feedback → one new commit on the pull request's branch (DESIGN §1, §5a; issue #9 item 3).
 * Every piece of feedback not yet taken in is read back from GitHub (`readReviewFeedback`), so a
 * run catches up on feedback whose own run was cancelled, and each is taken in once (its trigger
 * key in the marker's `handled_triggers`, GitHub's time in `feedback_since`). Feedback from people
 * without write access, bots and the agent itself changes nothing (`judgeFeedbackAuthor`); people
 * are told why once. Suggestion blocks are applied byte-exactly; free text is answered honestly.
 * Within `review.max_iterations` the changed files pass the gates and are pushed as one commit;
 * each thread is answered and the fixed ones resolved; the task moves through `generating` and
 * `validating` back to `pr_open` with the attempt and iteration bumped. Runs under the task mutex.
 */
export async function iterateOnFeedback(
  deps: TaskEventDependencies,
  input: PullRequestTaskEvent,
): Promise<TaskOutcome> {
  const { client } = deps;
  const { owner, repo } = input.repository;
  const { issueNumber, pullNumber } = input;
  const taskId = `${owner}/${repo}#${issueNumber}`;
  const work = async (): Promise<TaskOutcome> => {
    const status = await readTaskStatus({ client, trust: deps.trust, owner, repo, issueNumber }).catch(
      (error: unknown) => {
        if (httpStatusOf(error) === 404) return undefined;
        throw error;
      },
    );
    if (status?.trust !== 'trusted' || status.marker.pull_number !== pullNumber)
      return {
        status: 'ignored',
        reason: `pull request #${pullNumber} is not implementation-agent's task's`,
      };
    const marker = status.marker;
    const pull = (await client.pulls.get({ owner, repo, pull_number: pullNumber })).data;
    if (pull.state !== 'open') return { status: 'ignored', reason: `pull request #${pullNumber} is closed` };
    const agentLogin = await deps.trust.identity();
    const all = await readReviewFeedback({ client, owner, repo, pullNumber, agentLogin });
    const pending = all.filter((item) => isNew(item, marker));
    if (pending.length === 0)
      return { status: 'ignored', reason: `no review feedback on #${pullNumber} is left to take in` };
    const configResult = await readAgentConfig({ client, owner, repo });
    const config = configResult.ok ? configResult.config : DEFAULT_CONFIG;
    const { counted, refusals } = await judgeAll({ deps, owner, repo, agentLogin, pending });
    const texts = await readBranchTexts({
      client,
      owner,
      repo,
      sha: pull.head.sha,
      paths: [...new Set(counted.flatMap((item) => item.comments.map((comment) => comment.path)))],
    });
    const freeTextAnswer =
      deps.providerFor(config).name === 'offline' ? FREE_TEXT_OFFLINE : FREE_TEXT_NOT_YET;
    let plan: FeedbackPlan = planFeedbackChanges({
      feedback: counted,
      files: texts,
      headSha: pull.head.sha,
      freeTextAnswer,
    });
    const notes = [...refusals];
    let pushed: string | undefined;
    if (plan.files.size > 0) {
      const bound = iterationBound({
        done: marker.feedback_iterations ?? 0,
        max: config.review.max_iterations,
      });
      const push = bound.allowed
        ? await pushFeedbackCommit({
            deps,
            owner,
            repo,
            branch: pull.head.ref,
            headSha: pull.head.sha,
            plan,
            config,
            marker,
          })
        : { ok: false as const, reason: bound.message };
      if (push.ok) pushed = push.commitSha;
      else {
        notes.push(push.reason);
        plan = withdrawFixes(plan, push.reason);
      }
    }
    await answerFeedback({ deps, owner, repo, pullNumber, plan, notes, resolve: pushed !== undefined });
    const handled = pending.reduce(
      (list, item) => recordTrigger(list, feedbackTriggerKey(item.feedback)),
      marker.handled_triggers ?? [],
    );
    const since = pending.reduce(
      (latest, item) => (item.at > latest ? item.at : latest),
      marker.feedback_since ?? '',
    );
    const board = taskBoardFor(deps, {
      owner,
      repo,
      issueNumber,
      taskId,
      existing: status,
      config,
    });
    const message = pushed
      ? `Pushed \`${pushed.slice(0, 7)}\` to pull request #${pullNumber} for review feedback: ${plan.replies.filter((r) => r.fixed).length} suggestion(s) applied.`
      : `Review feedback on pull request #${pullNumber} was answered; nothing was pushed.`;
    if (pushed) {
      board.pass('generating');
      board.pass('validating');
    }
    await board.move(pushed ? 'pr_open' : marker.state, {
      patch: {
        handled_triggers: handled,
        feedback_since: since,
        ...(pushed
          ? { attempt: marker.attempt + 1, feedback_iterations: (marker.feedback_iterations ?? 0) + 1 }
          : {}),
      },
      details: message,
    });
    if (!pushed) return { status: 'answered', message };
    return {
      status: 'pr_open',
      reasonCode: 'pr_updated',
      taskId,
      issueNumber,
      pullNumber,
      pullUrl: `https://github.com/${owner}/${repo}/pull/${pullNumber}`,
      commitSha: pushed,
      created: false,
      costUsd: marker.cost_usd,
    };
  };
  return deps.tasks ? deps.tasks.run(taskId, work) : work();
}

/** Not taken in yet: newer than the last feedback taken in, or as new and not recorded as handled. */
function isNew(item: DatedFeedback, marker: TaskMarker): boolean {
  const since = marker.feedback_since;
  if (since !== undefined && item.at < since) return false;
  return !wasHandled(marker.handled_triggers, feedbackTriggerKey(item.feedback));
}

/** Splits the feedback into what counts and, for people whose feedback does not, one answer each. */
async function judgeAll(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  agentLogin: string | undefined;
  pending: readonly DatedFeedback[];
}): Promise<{ counted: ReviewFeedback[]; refusals: string[] }> {
  const permissions = new Map<string, Promise<RepositoryPermission>>();
  const counted: ReviewFeedback[] = [];
  const refusals: string[] = [];
  for (const { feedback } of params.pending) {
    const login = feedback.author.login;
    const permission: Promise<RepositoryPermission> =
      machineAuthor({ author: feedback.author, agentLogin: params.agentLogin }) !== undefined
        ? Promise.resolve('none')
        : (permissions.get(login.toLowerCase()) ??
          repositoryPermissionLevel({
            client: params.deps.client,
            owner: params.owner,
            repo: params.repo,
            username: login,
          }));
    permissions.set(login.toLowerCase(), permission);
    const standing = judgeFeedbackAuthor({
      author: feedback.author,
      permission: await permission,
      agentLogin: params.agentLogin,
    });
    if (standing.counts) counted.push(feedback);
    else if (standing.answer)
      refusals.push(`${mention(login)}: your feedback changes nothing: ${standing.reason}.`);
    else
      params.deps.log(`Feedback ${feedbackTriggerKey(feedback)} from ${login} ignored: ${standing.reason}`);
  }
  return { counted, refusals };
}

/** The plan after its commit was not pushed: every suggestion it meant to apply says why not. */
function withdrawFixes(plan: FeedbackPlan, reason: string): FeedbackPlan {
  return {
    ...plan,
    files: new Map(),
    replies: plan.replies.map((reply) =>
      reply.fixed ? { ...reply, fixed: false, body: `Not applied: ${reason}` } : reply,
    ),
  };
}
