import type { AgentConfig } from '../../core/config/agent-config.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { createCancelWatch, type CancelWatch } from './watch-for-cancel.js';

/**
 * The cancel watch for a run of the task on `issueNumber`, as the runtime provides it: the app's
 * in-memory signals (`deps.cancelSignals`), and reading the status back before each step where
 * `deps.readCancelBack` (the Action).
 */
export function cancelWatchFor(
  deps: TaskEventDependencies,
  task: { owner: string; repo: string; issueNumber: number; taskId: string; config: AgentConfig },
): CancelWatch {
  return createCancelWatch({
    client: deps.client,
    trust: deps.trust,
    owner: task.owner,
    repo: task.repo,
    repositoryId: deps.repositoryId,
    issueNumber: task.issueNumber,
    taskId: task.taskId,
    signals: deps.cancelSignals,
    readBack: deps.readCancelBack ?? false,
    mirrors: deps.mirrors?.forConfig(task.config),
    log: deps.log,
    now: deps.now,
    settle: deps.settle,
  });
}
