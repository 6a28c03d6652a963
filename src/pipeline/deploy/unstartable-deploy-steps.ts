import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import type { TaskStep } from '../task/task-step.js';

/**
 * The task steps that record a deployment no workflow run can start (`requestDeployment`'s
 * `deploy_failed` naming its environment and commit): a `deploy_finished`, not succeeded and
 * `unstartable`, since no deploy run will ever report on it. `applyDeployEvent` keeps it beside
 * what the environment runs (`last_attempt`), or, in an environment never deployed to, records it
 * `deploy_failed` with its id. Any other outcome, or a dry run's: none.
 */
export function unstartableDeploySteps(outcome: TaskOutcome): TaskStep[] {
  if (outcome.status !== 'deploy_failed' || outcome.environment === undefined || outcome.sha === undefined)
    return [];
  // A dry run deploys nothing, so no environment's state moves (as a deploy run skips it).
  if (outcome.dryRun === true) return [];
  return [
    {
      type: 'deploy_finished',
      environment: outcome.environment,
      deployment_id: outcome.deploymentId,
      sha: outcome.sha,
      succeeded: false,
      unstartable: true,
    },
  ];
}
