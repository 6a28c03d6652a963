import { formatConfigProblems } from '../core/config/parse-agent-config.js';
import { formatRequestErrors } from '../core/request/format-request-errors.js';
import { validateParsedRequest } from '../core/request/validate-parsed-request.js';
import { readAgentConfig } from '../github/read-agent-config.js';
import { openDispatchIssue } from './open-dispatch-issue.js';
import { runIssueTask } from './run-issue-task.js';
import { createStatusBoard } from './status-board.js';
import type { TaskEvent } from './task-event.js';
import type { TaskEventDependencies } from './task-event-dependencies.js';
import type { TaskOutcome } from './task-outcome.js';

/** A dispatched request has no issue; one is opened so the task has a place for its status. */
export async function handleDispatch(
  deps: TaskEventDependencies,
  task: Extract<TaskEvent, { kind: 'dispatch' }>,
): Promise<TaskOutcome> {
  const { client } = deps;
  const { owner, repo } = task.repository;
  const configResult = await readAgentConfig({ client, owner, repo });
  if (!configResult.ok) {
    return { status: 'invalid_config', message: formatConfigProblems(configResult.problems) };
  }
  const validation = task.request.kind === 'not-a-request' ? undefined : validateParsedRequest(task.request);
  if (!validation?.ok) {
    const message = validation
      ? formatRequestErrors({ errors: validation.errors, channel: validation.channel })
      : 'No implementation request was found in the dispatch payload.';
    return { status: 'invalid_request', message };
  }
  const issue = await openDispatchIssue({
    client,
    repository: task.repository,
    request: validation.payload,
    requester: task.requester,
  });
  deps.log(`Opened issue #${issue.number} for the dispatched request`);
  const taskId = `${owner}/${repo}#${issue.number}`;
  const board = createStatusBoard({
    client,
    owner,
    repo,
    issueNumber: issue.number,
    taskId,
    existing: undefined,
    signingKey: deps.trust.keys?.current,
    ...(deps.now ? { now: deps.now } : {}),
  });
  return runIssueTask({
    client,
    repository: task.repository,
    issueNumber: issue.number,
    taskId,
    request: validation.payload,
    config: configResult.config,
    board,
    provider: deps.providerFor(configResult.config),
    log: deps.log,
  });
}
