import { DEFAULT_CONFIG, type AgentConfig } from '../../core/config/agent-config.js';
import { formatConfigProblems } from '../../core/config/parse-agent-config.js';
import { wasHandled } from '../../core/idempotency/handled-triggers.js';
import type { TaskState } from '../../core/state/task-state.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import { isAbandonedRun } from '../../core/idempotency/request-under-way.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { progressStatus } from '../task/progress-status.js';
import type { StatusBoard } from '../task/status-board.js';
import { taskBoardFor } from '../task/task-board-for.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { taskIdOf } from '../../core/task/task-id-of.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';

/** A task in one of these states has shipped; a new request belongs on a new issue. */
export const SETTLED: ReadonlySet<TaskState> = new Set(['merged', 'deploying', 'deployed', 'rolled_back']);

/** What a request on an issue's task (implement, approve) goes on from, once it may go on. */
export interface OpenIssueTask {
  readonly config: AgentConfig;
  readonly taskId: string;
  /** The issue's status as read, trusted or not (`undefined`: none). */
  readonly status: StatusCommentRef | undefined;
  /** The task's progress, from its trusted status; `undefined` for a task not started. */
  readonly state: TaskState | undefined;
  readonly existing: ReturnType<typeof progressStatus>;
  readonly board: StatusBoard;
}

/**
 * The opening every request on an issue's task shares, whatever channel brought it: reads the
 * repository's config and the task's trusted status, and settles what needs no more: a trigger
 * the task already carried out (`already_handled`, unless its run was abandoned), a trigger the
 * issue does not qualify for (`admits` says why: the issue is not labeled for the agent), a
 * trigger that only starts tasks not under way (`task_exists`), a task that shipped (`task_settled`, shown on the status) and a config that does not parse
 * (`invalid_config`, the task `failed`). Returns the outcome when settled, else the task to go on
 * with. Throws GitHub's HTTP errors.
 */
export async function openIssueTask(params: {
  deps: TaskEventDependencies;
  repository: RepositoryRef;
  issueNumber: number;
  /** The trigger's idempotency key (`comment:<id>`, `opened`, `labeled@…`). */
  triggerKey: string;
  /** The trigger as people name it, for outcomes (`comment 5 (\`/implement\`)`). */
  triggerName: string;
  /** Whether the issue qualifies for this trigger under the config: a reason when it does not. */
  admits?: (config: AgentConfig) => string | undefined;
  /** A trigger that only (re)starts a task in these states (a labeling); in any other it is ignored. */
  startsOnlyFrom?: ReadonlySet<TaskState>;
}): Promise<{ settled: TaskOutcome } | { task: OpenIssueTask }> {
  const { deps, repository, issueNumber, triggerKey } = params;
  const { client } = deps;
  const { owner, repo } = repository;
  const taskId = taskIdOf({ owner, repo, issueNumber });
  const configResult = await readAgentConfig({ client, owner, repo });
  const config = configResult.ok ? configResult.config : DEFAULT_CONFIG;
  const notAdmitted = params.admits?.(config);
  if (notAdmitted !== undefined) return { settled: { status: 'ignored', reason: notAdmitted } };
  const status = await readTaskStatusFor(deps, { owner, repo, issueNumber });
  const existing = progressStatus(status, deps.trust.keys);
  if (status && !existing) {
    deps.log(`The status comment ${status.commentId} on #${issueNumber} ${status.reason}; writing a new one`);
  }
  const now = deps.now?.() ?? new Date();
  if (
    existing &&
    wasHandled(existing.marker.handled_triggers, triggerKey) &&
    !isAbandonedRun({ marker: existing.marker, now })
  ) {
    const reason = `${params.triggerName} on issue #${issueNumber} was already carried out (the task is ${existing.marker.state.replaceAll('_', ' ')})`;
    return { settled: { status: 'ignored', reasonCode: 'already_handled', reason } };
  }
  const board = taskBoardFor(deps, {
    owner,
    repo,
    issueNumber,
    taskId,
    existing,
    config,
    trigger: triggerKey,
  });
  const state = existing?.marker.state;
  if (state && params.startsOnlyFrom && !params.startsOnlyFrom.has(state)) {
    return {
      settled: {
        status: 'ignored',
        reasonCode: 'task_exists',
        reason: `issue #${issueNumber} already has a task (${state})`,
      },
    };
  }
  if (state && SETTLED.has(state)) {
    const message = `This task is already ${state.replace('_', ' ')}; open a new issue for a new request.`;
    const outcome: TaskOutcome = {
      status: 'refused',
      reasonCode: 'task_settled',
      taskId,
      issueNumber,
      message,
    };
    await board.move(state, { details: message, outcome });
    return { settled: outcome };
  }
  if (!configResult.ok) {
    const message = formatConfigProblems(configResult.problems);
    const outcome: TaskOutcome = { status: 'invalid_config', taskId, issueNumber, message };
    await board.move('failed', { details: message, outcome });
    return { settled: outcome };
  }
  return { task: { config, taskId, status, state, existing, board } };
}
