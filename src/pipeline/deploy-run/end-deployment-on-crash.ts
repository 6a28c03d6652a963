import { setDeploymentStatus, type DeploymentStatusClient } from '../../github/set-deployment-status.js';
import { httpStatusOf } from '../../github/http-status.js';
import type { DeployEvent } from './deploy-event.js';

/**
 * Runs part of a deploy run so that a crash still ends the deployment: an error thrown by `work`
 * sets the deployment status `error` (GitHub's state for "the run itself failed", as opposed to a
 * `failure` of the deploy) with the reason, unless `isSettled` says a final status is already set,
 * and is then rethrown so the run fails as an internal error.
 */
export async function endDeploymentOnCrash<T>(
  params: {
    client: DeploymentStatusClient;
    event: DeployEvent;
    logUrl?: string;
    isSettled?: () => boolean;
  },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (params.isSettled?.() !== true) {
      await setDeploymentStatus({
        client: params.client,
        owner: params.event.repository.owner,
        repo: params.event.repository.repo,
        deploymentId: params.event.deploymentId,
        state: 'error',
        description: `The deploy run stopped on an unexpected error: ${describeCrash(error)}`,
        ...(params.logUrl === undefined ? {} : { logUrl: params.logUrl }),
      }).catch(() => undefined);
    }
    throw error;
  }
}

/** A GitHub 403 means the workflow's token lacks a permission; say which kind, so the fix is clear. */
function describeCrash(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return httpStatusOf(error) === 403
    ? `GitHub refused the workflow's token (403: ${message}); check the job's permissions`
    : message;
}
