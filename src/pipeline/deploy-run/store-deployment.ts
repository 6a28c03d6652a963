import type { DeployResult } from '../../aws/cloudformation/deploy-result.js';
import type { DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { DeploymentStore } from '../../core/stores/deployment-store.js';
import type { DeployEvent } from './deploy-event.js';

/**
 * A deploy that changed or confirmed the stack is kept exactly, for rollbacks and audits. Keeping
 * it is a mirror: failing to write it is reported (the returned problem), never a failed deploy.
 */
export async function storeDeployment(params: {
  deploymentStore?: DeploymentStore;
  event: DeployEvent;
  payload: DeploymentPayload;
  template: string;
  result: DeployResult;
  log: (line: string) => void;
}): Promise<string | undefined> {
  const { deploymentStore, event, payload, result } = params;
  if (!deploymentStore || payload.dry_run) return undefined;
  const { owner, repo } = event.repository;
  try {
    await deploymentStore.save({
      repository: `${owner}/${repo}`,
      environment: event.environment,
      deploymentId: event.deploymentId,
      sha: event.sha,
      stackName: payload.stack_name,
      template: params.template,
      parameters: payload.parameters,
      outputs: result.outputs,
    });
    return undefined;
  } catch (error) {
    const message = `The deployment record was not stored: ${error instanceof Error ? error.message : String(error)}`;
    params.log(message);
    return message;
  }
}
