import type { TaskOutcome } from './task-outcome.js';

/** One line for people (log, job summary, the failure the Action reports): what happened. */
export function outcomeMessage(outcome: TaskOutcome): string {
  switch (outcome.status) {
    case 'ignored':
      return `Nothing to do: ${outcome.reason}.`;
    case 'pr_open':
      return `Pull request #${outcome.pullNumber} ${outcome.created ? 'opened' : 'updated'}: ${outcome.pullUrl}`;
    case 'deployed':
      return outcome.result.message;
    case 'deployment_created':
      return `Deployment ${outcome.deploymentId} of ${outcome.sha} to ${outcome.environment} created.`;
    default:
      return outcome.message;
  }
}
