import type { AgentConfig } from '../../core/config/agent-config.js';
import { mention } from '../../core/markdown/mention.js';
import { parseFencedPayload } from '../../core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../../core/request/parse-issue-request.js';
import type { RequestParseResult } from '../../core/request/request-parse-result.js';
import type { TaskState } from '../../core/state/task-state.js';
import { replyOnce } from '../../github/reply-once.js';
import { answerOnCrash } from '../task/answer-on-crash.js';
import { handleApproveCommand } from '../implement/handle-approve-command.js';
import { openIssueTask } from '../implement/open-issue-task.js';
import { TriggerCarriedOutElsewhereError } from '../task/trigger-carried-out-elsewhere-error.js';
import { requestImplementation } from '../implement/request-implementation.js';
import { recordRequestEdit } from '../implement/record-request-edit.js';
import { classifyTaskEvent } from './classify-task-event.js';
import { handleDispatch } from './handle-dispatch.js';
import { handleChatCommand } from './handle-chat-command.js';
import { handlePullRequestEvent } from '../review/handle-pull-request-event.js';
import { classifyChecksEvent } from '../review/classify-checks-event.js';
import { mergeWhenGreen } from '../review/merge-when-green.js';
import type { TaskEvent } from './task-event.js';
import type { TaskOutcome } from '../task/task-outcome.js';

export type { TaskEventDependencies, TaskEventRuntime } from './task-event-dependencies.js';
import type { TaskEventDependencies, TaskEventRuntime } from './task-event-dependencies.js';
import { isRecord } from '../../core/request/is-record.js';
import { knownRepositoryId } from '../../github/known-repository-id.js';
import { taskIdOf } from '../../core/task/task-id-of.js';
import { repositoryIdOf } from './repository-id-of.js';

/** `labeled` restarts only tasks that did not get anywhere; anything else is already under way. */
const RESTARTABLE_BY_LABEL: ReadonlySet<TaskState> = new Set(['failed', 'cancelled']);

/**
 * One GitHub event, start to finish: the shared core of the Probot app and the Action. Whoever
 * asked on an issue or pull request gets an answer on every path: an unexpected error is answered
 * there as an internal error, then rethrown for the runtime to report. Every trigger is carried
 * out once: one the task's marker records as handled, or one asking for the request the task is
 * already generating or has made a pull request from, changes nothing.
 */
export async function handleTaskEvent(
  given: TaskEventRuntime,
  event: { name: string; payload: unknown },
): Promise<TaskOutcome> {
  try {
    return await routeTaskEvent(given, event);
  } catch (error) {
    // Another delivery of the same trigger wrote the status first and carries it out.
    if (error instanceof TriggerCarriedOutElsewhereError)
      return { status: 'ignored', reasonCode: 'already_handled', reason: error.message };
    throw error;
  }
}

/** `handleTaskEvent`'s routing of one event to its use case. */
async function routeTaskEvent(
  given: TaskEventRuntime,
  event: { name: string; payload: unknown },
): Promise<TaskOutcome> {
  const repositoryId = await boundRepositoryId(given, event.payload);
  if (repositoryId === undefined) return { status: 'ignored', reason: 'the event names no repository' };
  const deps: TaskEventDependencies = { ...given, repositoryId };
  if (event.name === 'check_suite' || event.name === 'status') {
    const checks = classifyChecksEvent(event);
    return checks.kind === 'ignored'
      ? { status: 'ignored', reason: checks.reason }
      : mergeWhenGreen(deps, checks);
  }
  const task = classifyTaskEvent(event);
  switch (task.kind) {
    case 'ignored':
      return { status: 'ignored', reason: task.reason };
    case 'dispatch':
      return handleDispatch(deps, task);
    case 'pull-request':
      return handlePullRequestEvent(deps, task);
    case 'chat-command':
      return answerOnCrash(
        { ...answerTarget(deps, task), request: `\`${firstLine(task.commentBody)}\``, author: task.author },
        () => handleChatCommand(deps, task),
      );
    case 'issue-request':
      return answerOnCrash({ ...answerTarget(deps, task), request: 'this request' }, () =>
        handleIssueEvent(deps, task),
      );
    case 'implement-comment':
      return answerOnCrash(
        { ...answerTarget(deps, task), request: '`/implement`', author: task.requester },
        () => handleIssueEvent(deps, task),
      );
    case 'request-edited':
      return recordEdit(deps, task);
    case 'approve-comment':
      return answerOnCrash(
        { ...answerTarget(deps, task), request: '`/approve`', author: task.approver },
        () => handleIssueEvent(deps, task),
      );
  }
}

/** An issue body's edit, recorded on its task under the task's mutex; it answers nobody. */
async function recordEdit(
  deps: TaskEventDependencies,
  task: Extract<TaskEvent, { kind: 'request-edited' }>,
): Promise<TaskOutcome> {
  const { owner, repo } = task.repository;
  const work = () => recordRequestEdit(deps, task);
  return deps.tasks ? deps.tasks.run(taskIdOf({ owner, repo, issueNumber: task.issueNumber }), work) : work();
}

function answerTarget(
  deps: TaskEventDependencies,
  task: { repository: { owner: string; repo: string }; issueNumber: number },
) {
  return {
    client: deps.client,
    owner: task.repository.owner,
    repo: task.repository.repo,
    issueNumber: task.issueNumber,
  };
}

/** The command as typed (its first line, which is where commands live), for naming it in an answer. */
function firstLine(body: string): string {
  const line = body.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  return line.trim().slice(0, 80).replaceAll('`', "'");
}

type IssueEvent = Exclude<
  TaskEvent,
  { kind: 'ignored' | 'dispatch' | 'chat-command' | 'pull-request' | 'request-edited' }
>;

async function handleIssueEvent(deps: TaskEventDependencies, task: IssueEvent): Promise<TaskOutcome> {
  const { owner, repo } = task.repository;
  if (task.kind !== 'issue-request') {
    // Acknowledged at once, before waiting for any run on the task (GitHub keeps one reaction per user and kind).
    await deps.client.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: task.commentId,
      content: 'eyes',
    });
  }
  const taskId = taskIdOf({ owner, repo, issueNumber: task.issueNumber });
  const work = () => carryOutIssueEvent(deps, task);
  return deps.tasks ? deps.tasks.run(taskId, work) : work();
}

/** The issue's trigger through its use case: `/approve` or implement; the comment channel answers. */
async function carryOutIssueEvent(deps: TaskEventDependencies, task: IssueEvent): Promise<TaskOutcome> {
  const common = {
    deps,
    repository: task.repository,
    issueNumber: task.issueNumber,
    triggerKey: task.triggerKey,
    triggerName: triggerName(task),
  };
  if (task.kind === 'approve-comment') {
    const opened = await openIssueTask(common);
    if ('settled' in opened) return opened.settled;
    const { status, state, board, config, taskId } = opened.task;
    return handleApproveCommand({ deps, event: task, status, state, board, config, taskId });
  }
  const source = requestOf(task);
  const outcome = await requestImplementation(deps, {
    ...common,
    requester: task.requester,
    requesterId: task.requesterId,
    requesterType: task.requesterType,
    // The issue body's author asked too when someone else started it (labeled it, or ran the body
    // with `/implement`): a request is its writer's, whoever starts it (review 9l).
    ...(source.requestCommentId === undefined && task.issueAuthor !== undefined
      ? { coRequesters: [task.issueAuthor] }
      : {}),
    ...source,
    // A labeling or a bare `/implement` runs the body as it is now, perhaps rewritten by others
    // before any task began; an opening runs it as its author wrote it.
    bodyMayBeEdited: task.kind === 'implement-comment' || task.trigger === 'labeled',
    ...(task.kind === 'issue-request'
      ? {
          admits: (config: AgentConfig) =>
            task.fromForm || task.labels.includes(config.labels.trigger)
              ? undefined
              : `the issue is not labeled ${config.labels.trigger}`,
          ...(task.trigger === 'labeled' ? { startsOnlyFrom: RESTARTABLE_BY_LABEL } : {}),
        }
      : {}),
  });
  return task.kind === 'implement-comment' ? answerImplementComment(deps, task, outcome) : outcome;
}

/** The request a trigger carries: a payload fenced in a `/implement` comment, else the issue body's. */
function requestOf(task: Exclude<IssueEvent, { kind: 'approve-comment' }>): {
  request: RequestParseResult;
  requestCommentId?: number;
} {
  if (task.kind === 'implement-comment') {
    const fromComment = parseFencedPayload(task.commentBody, 'comment');
    if (fromComment.kind !== 'not-a-request')
      return { request: fromComment, requestCommentId: task.commentId };
  }
  return { request: parseIssueRequest(task.issueBody) };
}

/**
 * The comment channel's answers for `/implement`: a repeat of the request under way, or an
 * invalid request or one whose editors are unknown on a task under way, is answered to the comment's author once, whatever the
 * number of deliveries (`replyOnce`); every other outcome shows on the task's status comment.
 */
async function answerImplementComment(
  deps: TaskEventDependencies,
  task: Extract<IssueEvent, { kind: 'implement-comment' }>,
  outcome: TaskOutcome,
): Promise<TaskOutcome> {
  const code = outcome.reasonCode;
  const answered =
    code === 'request_under_way' ||
    code === 'request_invalid_task_unchanged' ||
    // A task under way keeps its status comment; one that failed shows why there.
    (code === 'request_editors_unknown' && outcome.status === 'refused');
  if (!answered) return outcome;
  if (!('message' in outcome) || outcome.message === undefined) return outcome;
  const { owner, repo } = task.repository;
  const message = `${mention(task.requester)}, ${outcome.message}`;
  await replyOnce({
    client: deps.client,
    owner,
    repo,
    issueNumber: task.issueNumber,
    commentId: task.commentId,
    since: task.commentedAt,
    body: message,
    identity: await deps.trust.identity(),
  });
  return outcome.status === 'invalid_request' ? { ...outcome, message } : outcome;
}

/** What the trigger was, for logs and outcomes. */
function triggerName(task: IssueEvent): string {
  if (task.kind === 'issue-request') return task.trigger === 'opened' ? 'the issue opening' : 'the labeling';
  return `comment ${task.commentId} (\`${task.kind === 'approve-comment' ? '/approve' : '/implement'}\`)`;
}

/**
 * The id every status read of this event is judged by: the runtime's (`GITHUB_REPOSITORY_ID`), else
 * the payload's `repository.id`, else asked of GitHub by the payload's repository name (a payload
 * cut down by a proxy, say); `undefined` for an event about no repository.
 */
async function boundRepositoryId(given: TaskEventRuntime, payload: unknown): Promise<number | undefined> {
  const known = given.repositoryId ?? repositoryIdOf(payload);
  if (known !== undefined) return known;
  const named = repositoryNameOf(payload);
  if (named === undefined) return undefined;
  return knownRepositoryId({ client: given.client, ...named, given: undefined });
}

function repositoryNameOf(payload: unknown): { owner: string; repo: string } | undefined {
  const repository = isRecord(payload) ? payload['repository'] : undefined;
  const owner =
    isRecord(repository) && isRecord(repository['owner']) ? repository['owner']['login'] : undefined;
  const repo = isRecord(repository) ? repository['name'] : undefined;
  return typeof owner === 'string' && typeof repo === 'string' ? { owner, repo } : undefined;
}
