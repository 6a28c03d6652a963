import type { AgentConfig } from '../../core/config/agent-config.js';
import { cancelWatchFor } from '../control/cancel-watch-for.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { runIssueTask } from './run-issue-task.js';

/** The part of `runIssueTask`'s parameters that comes from the runtime rather than from the task. */
export type IssueTaskRunDependencies = Pick<
  Parameters<typeof runIssueTask>[0],
  'provider' | 'artifacts' | 'log' | 'agentLogin' | 'graphql' | 'cancel'
>;

/**
 * What a run of the task on `issueNumber` takes from the event's dependencies, whichever trigger
 * starts it (`/implement`, a dispatch, `/retry`, an approved hold): the model provider and the
 * artifact store `config` names (none when it names no bucket), the log, the agent's own login,
 * GraphQL when the runtime has it, and the cancel watch (`cancelWatchFor`).
 */
export async function issueTaskRunDependencies(
  deps: TaskEventDependencies,
  task: { owner: string; repo: string; issueNumber: number; taskId: string; config: AgentConfig },
): Promise<IssueTaskRunDependencies> {
  const provider = deps.providerFor(task.config);
  const artifacts = deps.mirrors?.forConfig(task.config).artifacts;
  const agentLogin = await deps.trust.identity();
  return {
    provider,
    ...(artifacts === undefined ? {} : { artifacts }),
    log: deps.log,
    agentLogin,
    ...(deps.graphql ? { graphql: deps.graphql } : {}),
    cancel: cancelWatchFor(deps, task),
  };
}
