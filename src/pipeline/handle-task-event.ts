import { DEFAULT_CONFIG } from '../core/config/agent-config.js';
import { canChange } from '../core/deploy/repository-permission.js';
import { wasHandled } from '../core/idempotency/handled-triggers.js';
import { requestDigest } from '../core/idempotency/request-digest.js';
import { isAbandonedRun, isRequestUnderWay } from '../core/idempotency/request-under-way.js';
import { formatConfigProblems } from '../core/config/parse-agent-config.js';
import { formatRequestErrors } from '../core/request/format-request-errors.js';
import { parseFencedPayload } from '../core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../core/request/parse-issue-request.js';
import type { RequestParseResult } from '../core/request/request-parse-result.js';
import { validateParsedRequest } from '../core/request/validate-parsed-request.js';
import { canTransition, type TaskState } from '../core/state/task-state.js';
import { readAgentConfig } from '../github/read-agent-config.js';
import { repositoryPermissionLevel } from '../github/repository-permission-level.js';
import { postComment } from '../github/post-comment.js';
import { replyOnce } from '../github/reply-once.js';
import { findStatusComment } from '../github/status-comment.js';
import { answerOnCrash } from './answer-on-crash.js';
import { classifyTaskEvent } from './classify-task-event.js';
import { handleDispatch } from './handle-dispatch.js';
import { handleChatCommand } from './commands/handle-chat-command.js';
import { runIssueTask } from './run-issue-task.js';
import { createStatusBoard } from './status-board.js';
import type { TaskEvent } from './task-event.js';
import type { TaskOutcome } from './task-outcome.js';
import type { TaskMarker } from '../core/state/state-marker.js';

export type { TaskEventDependencies } from './task-event-dependencies.js';
import type { TaskEventDependencies } from './task-event-dependencies.js';

/** A task in one of these states has shipped; a new request belongs on a new issue. */
const SETTLED: ReadonlySet<TaskState> = new Set(['merged', 'deploying', 'deployed', 'rolled_back']);
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
  deps: TaskEventDependencies,
  event: { name: string; payload: unknown },
): Promise<TaskOutcome> {
  const task = classifyTaskEvent(event);
  switch (task.kind) {
    case 'ignored':
      return { status: 'ignored', reason: task.reason };
    case 'dispatch':
      return handleDispatch(deps, task);
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
    case 'approve-comment':
      return answerOnCrash(
        { ...answerTarget(deps, task), request: '`/approve`', author: task.approver },
        () => handleIssueEvent(deps, task),
      );
  }
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

type IssueEvent = Exclude<TaskEvent, { kind: 'ignored' | 'dispatch' | 'chat-command' }>;

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
  const taskId = `${owner}/${repo}#${task.issueNumber}`;
  const work = () => carryOutIssueEvent(deps, task, taskId);
  return deps.tasks ? deps.tasks.run(taskId, work) : work();
}

async function carryOutIssueEvent(
  deps: TaskEventDependencies,
  task: IssueEvent,
  taskId: string,
): Promise<TaskOutcome> {
  const { client } = deps;
  const { owner, repo } = task.repository;
  const configResult = await readAgentConfig({ client, owner, repo });
  const config = configResult.ok ? configResult.config : DEFAULT_CONFIG;
  if (task.kind === 'issue-request' && !task.fromForm && !task.labels.includes(config.labels.trigger)) {
    return { status: 'ignored', reason: `the issue is not labeled ${config.labels.trigger}` };
  }
  const existing = await findStatusComment({ client, owner, repo, issueNumber: task.issueNumber });
  const now = deps.now?.() ?? new Date();
  if (
    existing &&
    wasHandled(existing.marker.handled_triggers, task.triggerKey) &&
    !isAbandonedRun({ marker: existing.marker, now })
  ) {
    return {
      status: 'ignored',
      reason: `${triggerName(task)} on issue #${task.issueNumber} was already carried out (the task is ${existing.marker.state.replaceAll('_', ' ')})`,
    };
  }
  const board = createStatusBoard({
    client,
    owner,
    repo,
    issueNumber: task.issueNumber,
    taskId,
    existing,
    trigger: task.triggerKey,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const state = existing?.marker.state;
  if (
    task.kind === 'issue-request' &&
    task.trigger === 'labeled' &&
    state &&
    !RESTARTABLE_BY_LABEL.has(state)
  ) {
    return { status: 'ignored', reason: `issue #${task.issueNumber} already has a task (${state})` };
  }
  if (state && SETTLED.has(state)) {
    const message = `This task is already ${state.replace('_', ' ')}; open a new issue for a new request.`;
    await board.move(state, { details: message });
    return { status: 'refused', taskId, issueNumber: task.issueNumber, message };
  }
  if (!configResult.ok) {
    const message = formatConfigProblems(configResult.problems);
    await board.move('failed', { details: message });
    return { status: 'invalid_config', taskId, issueNumber: task.issueNumber, message };
  }

  let requester: string;
  let approved = false;
  let parsed: RequestParseResult;
  let requestCommentId: number | undefined;
  if (task.kind === 'approve-comment') {
    const refusal = await checkApproval(deps, task, state);
    if (refusal) return { ...refusal, taskId, issueNumber: task.issueNumber };
    requester = task.approver;
    approved = true;
    requestCommentId = existing?.marker.request_comment_id;
    parsed = requestCommentId
      ? parseFencedPayload(
          (await client.issues.getComment({ owner, repo, comment_id: requestCommentId })).data.body ?? '',
          'comment',
        )
      : parseIssueRequest(task.issueBody);
  } else if (task.kind === 'implement-comment') {
    requester = task.requester;
    const fromComment = parseFencedPayload(task.commentBody, 'comment');
    requestCommentId = fromComment.kind === 'not-a-request' ? undefined : task.commentId;
    parsed = fromComment.kind === 'not-a-request' ? parseIssueRequest(task.issueBody) : fromComment;
  } else {
    requester = task.requester;
    parsed = parseIssueRequest(task.issueBody);
  }

  const validation = parsed.kind === 'not-a-request' ? undefined : validateParsedRequest(parsed);
  if (!validation?.ok) {
    const message = validation
      ? formatRequestErrors({ errors: validation.errors, channel: validation.channel })
      : 'No implementation request was found.';
    await board.move('failed', { details: message });
    return { status: 'invalid_request', taskId, issueNumber: task.issueNumber, message };
  }
  // `/approve` releases a held request; it is never a repeat of a generation.
  if (
    task.kind !== 'approve-comment' &&
    existing &&
    isRequestUnderWay({
      marker: existing.marker,
      digest: requestDigest(validation.payload),
      now,
    })
  ) {
    return answerRepeat(deps, task, existing.marker);
  }
  if (!approved) {
    const level = await repositoryPermissionLevel({ client, owner, repo, username: requester });
    if (!canChange(level)) {
      const refused = await refuseIllegalMove({
        deps,
        task,
        from: state,
        to: 'awaiting_approval',
        requester,
      });
      if (refused) return { ...refused, taskId, issueNumber: task.issueNumber };
      const message =
        `@${requester} does not have write access to ${owner}/${repo}, so this request was not run yet. ` +
        'A maintainer (write, maintain or admin) can comment `/approve` to run this request.';
      await board.move('awaiting_approval', {
        patch: requestCommentId === undefined ? {} : { request_comment_id: requestCommentId },
        details: message,
      });
      return { status: 'awaiting_approval', taskId, issueNumber: task.issueNumber, message };
    }
  }
  // An in-flight run left `generating`/`validating` behind is restarted by runIssueTask.
  const restartable = state === 'generating' || state === 'validating';
  const refused = restartable
    ? undefined
    : await refuseIllegalMove({ deps, task, from: state, to: 'generating', requester });
  if (refused) return { ...refused, taskId, issueNumber: task.issueNumber };
  return runIssueTask({
    client,
    repository: task.repository,
    issueNumber: task.issueNumber,
    taskId,
    request: validation.payload,
    config,
    board,
    provider: deps.providerFor(config),
    log: deps.log,
  });
}

/** What the trigger was, for logs and outcomes. */
function triggerName(task: IssueEvent): string {
  if (task.kind === 'issue-request') return task.trigger === 'opened' ? 'the issue opening' : 'the labeling';
  return `comment ${task.commentId} (\`${task.kind === 'approve-comment' ? '/approve' : '/implement'}\`)`;
}

/**
 * A trigger asking for the request the task is already generating, or already made its pull
 * request from: nothing is generated again. A `/implement` is answered (once, whatever the number
 * of deliveries); an issue opening or labeling, which nobody typed, only says so in the outcome.
 */
async function answerRepeat(
  deps: TaskEventDependencies,
  task: Exclude<IssueEvent, { kind: 'approve-comment' }>,
  marker: TaskMarker,
): Promise<TaskOutcome> {
  const pull = marker.pull_number === undefined ? '' : ` (pull request #${marker.pull_number})`;
  const where =
    marker.state === 'generating' || marker.state === 'validating'
      ? `is already being generated${pull}`
      : `already has its pull request${pull}`;
  const reason = `the request on issue #${task.issueNumber} ${where}; ${triggerName(task)} repeats it`;
  if (task.kind !== 'implement-comment') return { status: 'ignored', reason };
  const { owner, repo } = task.repository;
  const message =
    `@${task.requester}, this request ${where}, made from exactly this request, so nothing was generated again. ` +
    'To change the result, edit the request (or put a new payload in a `/implement` comment) and comment `/implement` again.';
  await replyOnce({
    client: deps.client,
    owner,
    repo,
    issueNumber: task.issueNumber,
    commentId: task.commentId,
    since: task.commentedAt,
    body: message,
  });
  return { status: 'ignored', reason };
}

/**
 * A move the state table does not allow is answered, never thrown: the person who asked hears
 * why nothing happened, and the task keeps its state.
 */
async function refuseIllegalMove(params: {
  deps: TaskEventDependencies;
  task: IssueEvent;
  from: TaskState | undefined;
  to: TaskState;
  requester: string;
}): Promise<{ status: 'refused'; message: string } | undefined> {
  const { deps, task, from, to, requester } = params;
  if (from === undefined || from === to || canTransition(from, to)) return undefined;
  const { owner, repo } = task.repository;
  const message =
    `@${requester}, this task is ${from.replaceAll('_', ' ')}, so a new request cannot ` +
    `${to === 'awaiting_approval' ? 'be held for approval' : 'start'} now; nothing was changed. ` +
    'Comment again once the task has moved on, or open a new issue for a new request.';
  await postComment({ client: deps.client, owner, repo, issueNumber: task.issueNumber, body: message });
  return { status: 'refused', message };
}

/** `/approve` needs write access and a task that is waiting for it; otherwise the approver is told why. */
async function checkApproval(
  deps: TaskEventDependencies,
  task: Extract<TaskEvent, { kind: 'approve-comment' }>,
  state: TaskState | undefined,
): Promise<{ status: 'refused'; message: string } | undefined> {
  const { client } = deps;
  const { owner, repo } = task.repository;
  const level = await repositoryPermissionLevel({ client, owner, repo, username: task.approver });
  const message = !canChange(level)
    ? `@${task.approver}, \`/approve\` needs write, maintain or admin permission on ${owner}/${repo}; you have ${level}.`
    : state !== 'awaiting_approval'
      ? `@${task.approver}, nothing on this issue is waiting for approval${state ? ` (the task is ${state.replace('_', ' ')})` : ''}.`
      : undefined;
  if (message === undefined) return undefined;
  await postComment({ client, owner, repo, issueNumber: task.issueNumber, body: message });
  return { status: 'refused', message };
}
