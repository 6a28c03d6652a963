import { formatConfigProblems } from '../../core/config/parse-agent-config.js';
import { wasHandled } from '../../core/idempotency/handled-triggers.js';
import { requestDigest } from '../../core/idempotency/request-digest.js';
import { isAbandonedRun, isRequestUnderWay } from '../../core/idempotency/request-under-way.js';
import type { RequestPayload } from '../../core/request/execution-request.js';
import { checkParsedRequest } from '../../core/request/check-parsed-request.js';
import { canTransition, type TaskState } from '../../core/state/task-state.js';
import { findDispatchIssue } from '../../github/find-dispatch-issue.js';
import { dispatchKeysFrom } from '../../core/idempotency/dispatch-marker.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { openDispatchIssue } from './open-dispatch-issue.js';
import { progressStatus } from '../task/progress-status.js';
import { issueTaskRunDependencies } from '../implement/issue-task-run-dependencies.js';
import { runIssueTask } from '../implement/run-issue-task.js';
import { taskBoardFor } from '../task/task-board-for.js';
import type { TaskEvent } from './task-event.js';
import type { TaskEventDependencies } from './task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { taskIdOf } from '../../core/task/task-id-of.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';

type DispatchEvent = Extract<TaskEvent, { kind: 'dispatch' }>;

const IN_FLIGHT: ReadonlySet<TaskState> = new Set(['generating', 'validating']);

/**
 * A dispatched request has no issue; one is opened so the task has a place for its status. The
 * same request dispatched again (a retry, a redelivery: the same `requestId`) finds that issue and
 * carries on there only if the task did not already get under way, so one request makes one issue
 * and one pull request.
 */
export async function handleDispatch(deps: TaskEventDependencies, task: DispatchEvent): Promise<TaskOutcome> {
  const { client } = deps;
  const { owner, repo } = task.repository;
  const configResult = await readAgentConfig({ client, owner, repo });
  if (!configResult.ok) {
    return { status: 'invalid_config', message: formatConfigProblems(configResult.problems) };
  }
  const validation = checkParsedRequest(
    task.request,
    'No implementation request was found in the dispatch payload.',
  );
  if (!validation.ok) {
    return { status: 'invalid_request', message: validation.message };
  }
  const earlier = await findDispatchIssue({
    client,
    owner,
    repo,
    requestId: task.requestId,
    identity: await deps.trust.identity(),
    keys: dispatchKeysFrom(deps.trust.keys),
  });
  const issue =
    earlier ??
    (await openDispatchIssue({
      client,
      repository: task.repository,
      request: validation.payload,
      requester: task.requester,
      requestId: task.requestId,
      signingKey: dispatchKeysFrom(deps.trust.keys)?.current,
    }));
  deps.log(
    earlier
      ? `Request ${task.requestId} is tracked on issue #${issue.number} already`
      : `Opened issue #${issue.number} for the dispatched request`,
  );
  const taskId = taskIdOf({ owner, repo, issueNumber: issue.number });
  const work = () =>
    runOnIssue({
      deps,
      task,
      issueNumber: issue.number,
      taskId,
      request: validation.payload,
      config: configResult.config,
      lookForStatus: earlier !== undefined,
    });
  return deps.tasks ? deps.tasks.run(taskId, work) : work();
}

async function runOnIssue(params: {
  deps: TaskEventDependencies;
  task: DispatchEvent;
  issueNumber: number;
  taskId: string;
  request: RequestPayload;
  config: AgentConfig;
  /** A new issue has no status comment yet: no call is spent looking. */
  lookForStatus: boolean;
}): Promise<TaskOutcome> {
  const { deps, task, issueNumber, taskId } = params;
  const { client } = deps;
  const { owner, repo } = task.repository;
  const existing = params.lookForStatus
    ? progressStatus(await readTaskStatusFor(deps, { owner, repo, issueNumber }), deps.trust.keys)
    : undefined;
  const marker = existing?.marker;
  const now = deps.now?.() ?? new Date();
  const repeated =
    marker !== undefined &&
    ((wasHandled(marker.handled_triggers, task.triggerKey) && !isAbandonedRun({ marker, now })) ||
      isRequestUnderWay({ marker, digest: requestDigest(params.request), now }) ||
      // Merged or deployed: the request was carried out; a new one belongs on a new issue. (A stale
      // in-flight marker is restarted by runIssueTask.)
      !(IN_FLIGHT.has(marker.state) || canTransition(marker.state, 'generating')));
  if (repeated) {
    return {
      status: 'ignored',
      reason: `request ${task.requestId} was already dispatched: it is tracked on issue #${issueNumber} (the task is ${marker.state.replaceAll('_', ' ')})`,
    };
  }
  const board = taskBoardFor(deps, {
    owner,
    repo,
    issueNumber,
    taskId,
    existing,
    config: params.config,
    trigger: task.triggerKey,
  });
  return runIssueTask({
    client,
    repository: task.repository,
    issueNumber,
    taskId,
    request: params.request,
    config: params.config,
    board,
    ...(await issueTaskRunDependencies(deps, { owner, repo, issueNumber, taskId, config: params.config })),
    requester: { login: task.requester, id: task.requesterId, type: task.requesterType },
  });
}
