import { summarizeOutcome } from '../../core/outcome/outcome-summary.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import { parseTaskId } from '../../core/task/parse-task-id.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';
import { taskBoardFor } from '../task/task-board-for.js';
import { unstartableDeploySteps } from './unstartable-deploy-steps.js';

/**
 * Records a deployment no workflow run can start (`requestDeployment`'s `deploy_failed` naming its
 * task, environment and commit) on the task's record, for a channel that holds no board of the task
 * (a `/deploy` comment; the merge's move records the same steps on its own board): the failed
 * attempt is kept beside what the environment runs (`unstartableDeploySteps`) and the outcome becomes
 * the record's last outcome, on the status comment's deploy section and marker and in the mirrors.
 * Nothing is written for any other outcome, a task of another repository, or a status comment that
 * is not trusted (the log says why). Never throws: returns a sentence for the person's answer when
 * the record could not be written, `undefined` otherwise.
 */
export async function recordUnstartableDeploy(params: {
  deps: TaskEventDependencies;
  config: AgentConfig;
  repository: Pick<RepositoryRef, 'owner' | 'repo'>;
  outcome: TaskOutcome;
}): Promise<string | undefined> {
  const { deps, outcome } = params;
  const steps = unstartableDeploySteps(outcome);
  if (steps.length === 0 || outcome.status !== 'deploy_failed' || outcome.taskId === undefined)
    return undefined;
  const { owner, repo } = params.repository;
  const task = parseTaskId(outcome.taskId);
  if (
    task === undefined ||
    task.owner.toLowerCase() !== owner.toLowerCase() ||
    task.repo.toLowerCase() !== repo.toLowerCase()
  ) {
    deps.log(
      `Task ${outcome.taskId} is not an issue of ${owner}/${repo}: its deploy state is not recorded here.`,
    );
    return undefined;
  }
  try {
    const existing = await readTaskStatusFor(deps, { owner, repo, issueNumber: task.issueNumber });
    if (existing?.trust !== 'trusted') {
      deps.log(
        `The status of ${outcome.taskId} is missing or not trusted: its deploy state is not recorded.`,
      );
      return undefined;
    }
    const board = taskBoardFor(deps, {
      owner,
      repo,
      issueNumber: task.issueNumber,
      taskId: outcome.taskId,
      existing,
      config: params.config,
    });
    const result = await board.recordSteps([
      ...steps,
      { type: 'outcome_recorded', outcome: summarizeOutcome(outcome) },
    ]);
    if (result.refused !== undefined)
      deps.log(`The record of ${outcome.taskId} refused the failed deploy: ${result.refused}`);
    return result.warning;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.log(`The failed deploy of ${outcome.taskId} could not be recorded: ${reason}`);
    return `The status of ${outcome.taskId} could not record this failed deploy: ${reason}`;
  }
}
