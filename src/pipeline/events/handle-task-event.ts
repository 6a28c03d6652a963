import { DEFAULT_CONFIG } from '../../core/config/agent-config.js';
import { canChange } from '../../core/deploy/repository-permission.js';
import { formatConfigProblems } from '../../core/config/parse-agent-config.js';
import { wasHandled } from '../../core/idempotency/handled-triggers.js';
import { requestDigest } from '../../core/idempotency/request-digest.js';
import { isAbandonedRun, isRequestUnderWay } from '../../core/idempotency/request-under-way.js';
import { parseFencedPayload } from '../../core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../../core/request/parse-issue-request.js';
import type { RequestParseResult } from '../../core/request/request-parse-result.js';
import { checkParsedRequest } from '../../core/request/check-parsed-request.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { TaskState } from '../../core/state/task-state.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import { replyOnce } from '../../github/reply-once.js';
import { answerOnCrash } from '../task/answer-on-crash.js';
import { handleApproveCommand } from '../implement/handle-approve-command.js';
import { classifyTaskEvent } from './classify-task-event.js';
import { handleDispatch } from './handle-dispatch.js';
import { handleChatCommand } from './handle-chat-command.js';
import { holdRequest } from '../implement/hold-request.js';
import { progressStatus } from '../task/progress-status.js';
import { refuseIllegalMove } from '../task/refuse-illegal-move.js';
import { handlePullRequestEvent } from '../review/handle-pull-request-event.js';
import { classifyChecksEvent } from '../review/classify-checks-event.js';
import { mergeWhenGreen } from '../review/merge-when-green.js';
import { runIssueTask } from '../implement/run-issue-task.js';
import { cancelWatchFor } from '../control/cancel-watch-for.js';
import { taskBoardFor } from '../task/task-board-for.js';
import type { TaskEvent } from './task-event.js';
import type { TaskOutcome } from '../task/task-outcome.js';

export type { TaskEventDependencies } from './task-event-dependencies.js';
import type { TaskEventDependencies } from './task-event-dependencies.js';

/** A task in one of these states has shipped; a new request belongs on a new issue. */
const SETTLED: ReadonlySet<TaskState> = new Set(['merged', 'deploying', 'deployed', 'rolled_back']);
/**
 * States an invalid request may end in `failed`: nothing is under way that it would undo. On any
 * other (a pull request open, a hold waiting for `/approve`), a request that does not validate is
 * not a run of the task: it is answered to whoever sent it and the task keeps its state, since
 * anyone who can comment can send one.
 */
const FAILED_BY_INVALID_REQUEST: ReadonlySet<TaskState> = new Set(['received', 'awaiting_input', 'failed']);
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

type IssueEvent = Exclude<TaskEvent, { kind: 'ignored' | 'dispatch' | 'chat-command' | 'pull-request' }>;

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
  const issueNumber = task.issueNumber;
  const status = await readTaskStatus({ client, trust: deps.trust, owner, repo, issueNumber });
  const existing = progressStatus(status, deps.trust.keys);
  if (status && !existing) {
    deps.log(`The status comment ${status.commentId} on #${issueNumber} ${status.reason}; writing a new one`);
  }
  const now = deps.now?.() ?? new Date();
  if (
    existing &&
    wasHandled(existing.marker.handled_triggers, task.triggerKey) &&
    !isAbandonedRun({ marker: existing.marker, now })
  ) {
    return {
      status: 'ignored',
      reason: `${triggerName(task)} on issue #${issueNumber} was already carried out (the task is ${existing.marker.state.replaceAll('_', ' ')})`,
    };
  }
  const mirrors = deps.mirrors?.forConfig(config);
  const board = taskBoardFor(deps, {
    owner,
    repo,
    issueNumber,
    taskId,
    existing,
    config,
    trigger: task.triggerKey,
  });
  const state = existing?.marker.state;
  if (
    task.kind === 'issue-request' &&
    task.trigger === 'labeled' &&
    state &&
    !RESTARTABLE_BY_LABEL.has(state)
  ) {
    return { status: 'ignored', reason: `issue #${issueNumber} already has a task (${state})` };
  }
  if (state && SETTLED.has(state)) {
    const message = `This task is already ${state.replace('_', ' ')}; open a new issue for a new request.`;
    const outcome: TaskOutcome = { status: 'refused', taskId, issueNumber, message };
    await board.move(state, { details: message, outcome });
    return outcome;
  }
  if (!configResult.ok) {
    const message = formatConfigProblems(configResult.problems);
    const outcome: TaskOutcome = { status: 'invalid_config', taskId, issueNumber, message };
    await board.move('failed', { details: message, outcome });
    return outcome;
  }
  if (task.kind === 'approve-comment') {
    return handleApproveCommand({ deps, event: task, status, state, board, config, taskId });
  }

  const requester = task.requester;
  let parsed: RequestParseResult;
  let requestCommentId: number | undefined;
  if (task.kind === 'implement-comment') {
    const fromComment = parseFencedPayload(task.commentBody, 'comment');
    requestCommentId = fromComment.kind === 'not-a-request' ? undefined : task.commentId;
    parsed = fromComment.kind === 'not-a-request' ? parseIssueRequest(task.issueBody) : fromComment;
  } else {
    parsed = parseIssueRequest(task.issueBody);
  }

  const validation = checkParsedRequest(parsed);
  if (!validation.ok) {
    const { message } = validation;
    if (state !== undefined && !FAILED_BY_INVALID_REQUEST.has(state)) {
      return answerInvalidRequest({ deps, task, state, message });
    }
    const outcome: TaskOutcome = { status: 'invalid_request', taskId, issueNumber, message };
    await board.move('failed', { details: message, outcome });
    return outcome;
  }
  if (
    existing &&
    isRequestUnderWay({ marker: existing.marker, digest: requestDigest(validation.payload), now })
  ) {
    return answerRepeat(deps, task, existing.marker);
  }
  const level = await repositoryPermissionLevel({ client, owner, repo, username: requester });
  if (!canChange(level)) {
    return holdRequest({
      client,
      repository: task.repository,
      issueNumber,
      taskId,
      board,
      from: state,
      requester,
      payload: validation.payload,
      requestCommentId,
      why: { kind: 'no-write-access' },
    });
  }
  // An in-flight run left `generating`/`validating` behind is restarted by runIssueTask.
  const restartable = state === 'generating' || state === 'validating';
  const refused = restartable
    ? undefined
    : await refuseIllegalMove({
        client,
        repository: task.repository,
        issueNumber,
        from: state,
        to: 'generating',
        requester,
      });
  if (refused) return { ...refused, taskId, issueNumber };
  return runIssueTask({
    client,
    repository: task.repository,
    issueNumber,
    taskId,
    request: validation.payload,
    config,
    board,
    provider: deps.providerFor(config),
    ...(mirrors?.artifacts === undefined ? {} : { artifacts: mirrors.artifacts }),
    log: deps.log,
    ...(deps.graphql ? { graphql: deps.graphql } : {}),
    requester,
    cancel: cancelWatchFor(deps, { owner, repo, issueNumber, taskId, config }),
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
    identity: await deps.trust.identity(),
  });
  return { status: 'ignored', reason };
}

/** The field errors of a request that cannot run, answered to its sender; the task keeps `state`. */
async function answerInvalidRequest(params: {
  deps: TaskEventDependencies;
  task: Exclude<IssueEvent, { kind: 'approve-comment' }>;
  state: TaskState;
  message: string;
}): Promise<TaskOutcome> {
  const { deps, task, state } = params;
  const { owner, repo } = task.repository;
  const message =
    `@${task.requester}, this request cannot be run, so the task (${state.replaceAll('_', ' ')}) is unchanged:\n\n` +
    params.message;
  const taskId = `${owner}/${repo}#${task.issueNumber}`;
  if (task.kind === 'implement-comment') {
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
  }
  return { status: 'invalid_request', taskId, issueNumber: task.issueNumber, message };
}
