import type { AgentConfig } from '../../core/config/agent-config.js';
import { mention } from '../../core/markdown/mention.js';
import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import { replyOnce } from '../../github/reply-once.js';
import type { ChatCommandEvent } from '../events/handle-chat-command.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { cancelTask } from './cancel-task.js';
import { retryTask } from './retry-task.js';
import { taskIssueOfPullRequest } from '../task/task-issue-of-pull-request.js';
import { taskIdOf } from '../../core/task/task-id-of.js';

/**
 * The comment adapter of `/retry` and of `/cancel` without an environment, on the task's issue or
 * its pull request, once the command handler has checked the author's permission (write, maintain
 * or admin, as for every command that changes something): finds the task (a
 * pull request's branch names its issue), runs the use case and answers once, on the comment's
 * own issue or pull request, whatever the number of deliveries (`replyOnce`). Comments by the
 * agent itself change nothing and get no answer (bots never reach here, `classifyTaskEvent`). A
 * retry runs under the task's mutex, after any run in progress; a cancel does not wait for it.
 */
export async function handleTaskControl(params: {
  deps: TaskEventDependencies;
  event: ChatCommandEvent;
  kind: 'retry' | 'cancel';
  /** The repository's config, as the command handler read it. */
  config: AgentConfig;
}): Promise<TaskOutcome> {
  const { deps, event, kind, config } = params;
  const { client } = deps;
  const { owner, repo } = event.repository;
  const identity = await deps.trust.identity();
  if (event.author.toLowerCase() === identity.toLowerCase()) {
    return { status: 'ignored', reason: `\`/${kind}\` was written by implementation-agent itself` };
  }
  const answer = async (outcome: TaskOutcome, text: string): Promise<TaskOutcome> => {
    await replyOnce({
      client,
      owner,
      repo,
      issueNumber: event.issueNumber,
      commentId: event.commentId,
      since: event.commentedAt,
      body: `${mention(event.author)}, ${text}`,
      identity,
    });
    return outcome;
  };
  const issueNumber = event.onPullRequest
    ? await taskIssueOfPullRequest({ deps, repository: event.repository, pullNumber: event.issueNumber })
    : event.issueNumber;
  if (issueNumber === undefined) {
    const message = `\`/${kind}\` works on an implementation task's issue or pull request, and this pull request is not one (its branch is not \`implementation/<issue>-…\` in ${owner}/${repo}). Nothing was changed.`;
    return answer({ status: 'refused', message }, message);
  }
  const common = {
    issueNumber,
    pullNumber: event.onPullRequest ? event.issueNumber : undefined,
    actor: event.author,
    triggerKey: `comment:${event.commentId}`,
  };
  const taskId = taskIdOf({ owner, repo, issueNumber });
  const outcome =
    kind === 'cancel'
      ? await cancelTask({
          ...common,
          client,
          trust: deps.trust,
          owner,
          repo,
          repositoryId: deps.repositoryId,
          signals: deps.cancelSignals,
          graphql: deps.graphql,
          mirrors: deps.mirrors?.forConfig(config),
          log: deps.log,
          now: deps.now,
          settle: deps.settle,
        })
      : await underTaskMutex(deps, taskId, () =>
          retryTask({ ...common, actorId: event.authorId, deps, config, repository: event.repository }),
        );
  // A run's outcome is on the status comment and the pull request; refusals and cancels are answered.
  if (outcome.status === 'refused' || outcome.status === 'cancelled') return answer(outcome, outcome.message);
  return outcome;
}

function underTaskMutex<T>(deps: TaskEventDependencies, taskId: string, work: () => Promise<T>): Promise<T> {
  return deps.tasks ? deps.tasks.run(taskId, work) : work();
}
