import { z } from 'zod';
import { deploymentPayloadSchema, type DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import { TEMPLATE_URL_LIMIT_BYTES } from '../../core/gates/check-template.js';
import { FileTooLargeError, readLargeRepositoryFile } from '../../github/read-large-repository-file.js';
import type { DeploymentStore } from '../../core/stores/deployment-store.js';
import { withheldParameters } from '../../core/stores/redact-deployment.js';
import type { DeployEvent } from './deploy-event.js';
import type { DeployRunClient } from './deploy-run-client.js';

/**
 * The payload, the sha and the template, or why this deployment must not run (`refusal`, with the
 * payload when it could be read, so the refusal can be recorded on the payload's task).
 */
export async function checkDeployment(params: {
  client: DeployRunClient;
  event: DeployEvent;
  deploymentStore?: DeploymentStore;
  log: (line: string) => void;
}): Promise<
  | { refusal: string; payload?: DeploymentPayload }
  | {
      payload: DeploymentPayload;
      template: string;
      /** A stored rollback's parameters whose value the store withheld: deployed with the stack's previous value. */
      previousValueParameters?: readonly string[];
    }
> {
  const { client, event } = params;
  const { owner, repo } = event.repository;
  const parsed = deploymentPayloadSchema.safeParse(event.payload);
  if (!parsed.success)
    return {
      refusal: `The deployment payload cannot be used: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
    };
  const payload = parsed.data;
  if (payload.checked_sha !== event.sha) {
    return {
      refusal: `The deployment is of ${event.sha.slice(0, 7)} but ${payload.checked_sha.slice(0, 7)} was checked; nothing was deployed.`,
      payload,
    };
  }
  // A rollback redeploys an older sha on purpose; only a forward deploy must match the PR head.
  if (payload.pull_number !== undefined && payload.rollback_of === undefined) {
    const pull = (await client.pulls.get({ owner, repo, pull_number: payload.pull_number })).data;
    if (pull.state === 'open' && pull.head.sha !== payload.checked_sha) {
      return {
        refusal: `PR #${pull.number} moved to ${pull.head.sha.slice(0, 7)} after ${payload.checked_sha.slice(0, 7)} was checked; nothing was deployed. Comment /deploy again.`,
        payload,
      };
    }
  }
  const stored = await storedRollback({ ...params, payload });
  if (stored) return stored;
  let template: string | undefined;
  try {
    template = await readLargeRepositoryFile({
      client,
      owner,
      repo,
      path: payload.template_path,
      ref: event.sha,
      maxBytes: TEMPLATE_URL_LIMIT_BYTES,
    });
  } catch (error) {
    if (!(error instanceof FileTooLargeError)) throw error;
    return {
      refusal: `${payload.template_path} at ${event.sha.slice(0, 7)} is ${error.size.toLocaleString('en-US')} bytes, over CloudFormation's ${TEMPLATE_URL_LIMIT_BYTES.toLocaleString('en-US')}-byte template limit; nothing was deployed.`,
      payload,
    };
  }
  if (template === undefined)
    return {
      refusal: `${payload.template_path} does not exist at ${event.sha.slice(0, 7)}; nothing was deployed.`,
      payload,
    };
  return { payload, template };
}

/**
 * A rollback deploys the stored template and parameters of the deployment it returns to, when kept;
 * a parameter whose value the store withheld (`withheldParameters`) is named in
 * `previousValueParameters`, deployed as `UsePreviousValue` (the stack's current value).
 */
async function storedRollback(params: {
  event: DeployEvent;
  payload: DeploymentPayload;
  deploymentStore?: DeploymentStore;
  log: (line: string) => void;
}): Promise<
  { payload: DeploymentPayload; template: string; previousValueParameters: readonly string[] } | undefined
> {
  const { payload, event } = params;
  if (!params.deploymentStore || payload.rollback_to === undefined) return undefined;
  const { owner, repo } = event.repository;
  let stored;
  try {
    stored = await params.deploymentStore.load({
      repository: `${owner}/${repo}`,
      environment: event.environment,
      deploymentId: payload.rollback_to,
    });
  } catch (error) {
    // The record is a copy of what git and the payload hold: unreadable, the rollback uses those.
    params.log(
      `The stored deployment ${payload.rollback_to} cannot be read (${error instanceof Error ? error.message : String(error)}); deploying the template from git at ${event.sha.slice(0, 7)}`,
    );
    return undefined;
  }
  if (!stored || stored.sha !== event.sha) {
    params.log(
      `No stored record of deployment ${payload.rollback_to}: deploying the template from git at ${event.sha.slice(0, 7)}`,
    );
    return undefined;
  }
  params.log(`Deploying the stored template and parameters of deployment ${payload.rollback_to}`);
  // A value the store withheld (NoEcho, a secret) cannot be deployed again: the stack keeps its own.
  const withheld = withheldParameters(stored.parameters);
  if (withheld.length > 0)
    params.log(
      `Parameters withheld from the stored record keep the stack's previous value: ${withheld.join(', ')}`,
    );
  // Their markers stay in the payload's parameters, so this rollback's own record withholds them too.
  return {
    payload: { ...payload, parameters: { ...stored.parameters } },
    template: stored.template,
    previousValueParameters: withheld,
  };
}
