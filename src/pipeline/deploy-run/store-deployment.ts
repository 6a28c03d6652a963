import type { DeployResult } from '../../aws/cloudformation/deploy-result.js';
import type { DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { DeploymentStore } from '../../core/stores/deployment-store.js';
import { redactDeployment } from '../../core/stores/redact-deployment.js';
import { sha256Hex } from '../../core/stores/sha256-hex.js';
import { markerChars } from '../../core/state/fit-unmirrored.js';
import { MAX_UNSENT_PARAMETERS_CHARS, type UnsentDeployment } from '../../core/state/unsent-deployment.js';
import type { DeployEvent } from './deploy-event.js';

/**
 * A deploy that changed or confirmed the stack is kept, for rollbacks and audits: its template
 * exactly, its parameters and outputs redacted (`redactDeployment`: NoEcho values and secrets
 * withheld; a rollback asks for a withheld parameter's previous value). Keeping
 * it is a mirror: failing to write it is reported (`problem`), never a failed deploy, and comes
 * back as `unsent` — what the task's status keeps so a later step re-sends the record
 * (`resendUnsentDeployments`). Nothing to keep (no store, a dry run): `{}`.
 */
export async function storeDeployment(params: {
  deploymentStore?: DeploymentStore;
  event: DeployEvent;
  payload: DeploymentPayload;
  template: string;
  result: DeployResult;
  log: (line: string) => void;
}): Promise<{ problem?: string; unsent?: UnsentDeployment }> {
  const { deploymentStore, event, payload, result } = params;
  if (!deploymentStore || payload.dry_run) return {};
  const { owner, repo } = event.repository;
  try {
    // Redacted before it leaves for the store (which redacts again at its port): a stack output may hold a credential.
    const deployment = await redactDeployment({
      repository: `${owner}/${repo}`,
      environment: event.environment,
      deploymentId: event.deploymentId,
      sha: event.sha,
      stackName: payload.stack_name,
      template: params.template,
      parameters: payload.parameters,
      outputs: result.outputs,
    });
    await deploymentStore.save(deployment);
    return {};
  } catch (error) {
    const problem = `The deployment record was not stored: ${error instanceof Error ? error.message : String(error)}`;
    params.log(problem);
    // Measured as the marker writes them (`-` and `>` take six characters each), as its other lists are.
    const fits = markerChars(payload.parameters) <= MAX_UNSENT_PARAMETERS_CHARS;
    return {
      problem,
      unsent: {
        environment: event.environment,
        deployment_id: event.deploymentId,
        sha: event.sha,
        stack_name: payload.stack_name,
        template_path: payload.template_path,
        template_sha256: sha256Hex(params.template),
        ...(fits ? { parameters: { ...payload.parameters } } : {}),
      },
    };
  }
}
