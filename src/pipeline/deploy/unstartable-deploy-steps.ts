import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import type { TaskStep } from '../task/task-step.js';

/**
 * The task steps that record a deployment no workflow run can start (`requestDeployment`'s
 * `deploy_failed` naming its environment and commit): its environment ends `deploy_failed` with
 * the deployment's id (`deploy_finished`, not succeeded, which `applyDeployEvent` takes as its
 * start and end), since no deploy run will ever report on it. Any other outcome, or a dry run's: none.
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
    },
  ];
}
