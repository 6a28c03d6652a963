import { isDeepStrictEqual } from 'node:util';
import type { DeploymentStore } from '../../core/stores/deployment-store.js';
import { sha256Hex } from '../../core/stores/sha256-hex.js';
import type { UnsentDeployment } from '../../core/state/unsent-deployment.js';
import { TEMPLATE_URL_LIMIT_BYTES } from '../../core/gates/check-template.js';
import {
  FileTooLargeError,
  readLargeRepositoryFile,
  type LargeFileClient,
} from '../../github/read-large-repository-file.js';
import { heldInStore } from './held-in-store.js';

/** What a re-send of deployment records did, each record in exactly one of the three lists. */
export interface ResentDeployments {
  /** Deployment ids whose record is now in the store. */
  readonly sent: readonly number[];
  /** One line per record that can never be rebuilt, with why, for the status comment. */
  readonly lost: readonly string[];
  /** Records the store still refused: kept in the marker for the next step. */
  readonly kept: readonly UnsentDeployment[];
}

/**
 * Re-sends the deployment records a deploy run could not store (the marker's `unsent_deployments`,
 * issue #10): the template is read again at the deployed `sha` (`template_path`, *Get repository
 * content*) and stored only when it hashes to the `template_sha256` deployed — a stored rollback's
 * template came from the store, not git, and is then named lost; the parameters come from the
 * marker; the outputs were never carried (see `unsentDeploymentSchema`) and are stored empty, the
 * record named with its outputs lost. A record the store already holds whole (the same commit,
 * template and parameters, those the marker keeps: a put that timed out after S3 stored it)
 * counts as sent and is not written again, so its outputs stay. A record the store refuses again
 * is `kept`; a GitHub read that fails throws (the caller keeps every record for the next step).
 */
export async function resendUnsentDeployments(params: {
  store: DeploymentStore;
  client: LargeFileClient;
  owner: string;
  repo: string;
  unsent: readonly UnsentDeployment[];
}): Promise<ResentDeployments> {
  const { owner, repo } = params;
  const sent: number[] = [];
  const lost: string[] = [];
  const kept: UnsentDeployment[] = [];
  for (const record of params.unsent) {
    const name = `deployment ${record.deployment_id} (${record.environment})`;
    if (await heldAlready({ store: params.store, repository: `${owner}/${repo}`, record })) {
      sent.push(record.deployment_id);
      continue;
    }
    if (record.parameters === undefined) {
      lost.push(`${name}: its parameters were too large to keep in the status`);
      continue;
    }
    // A template CloudFormation took is at most 1 MB; a larger file at that path is not the one deployed.
    const template = await readLargeRepositoryFile({
      client: params.client,
      owner,
      repo,
      path: record.template_path,
      ref: record.sha,
      maxBytes: TEMPLATE_URL_LIMIT_BYTES,
    }).catch((error: unknown) => {
      if (error instanceof FileTooLargeError) return undefined;
      throw error;
    });
    if (template === undefined || sha256Hex(template) !== record.template_sha256) {
      lost.push(`${name}: the template deployed is not the one at ${record.sha.slice(0, 7)}`);
      continue;
    }
    try {
      await params.store.save({
        repository: `${owner}/${repo}`,
        environment: record.environment,
        deploymentId: record.deployment_id,
        sha: record.sha,
        stackName: record.stack_name,
        template,
        parameters: record.parameters,
        outputs: {},
      });
      sent.push(record.deployment_id);
    } catch {
      kept.push(record);
    }
  }
  return { sent, lost, kept };
}

/** Whether the store holds this very deployment already (`heldInStore`), not another one under its key. */
function heldAlready(params: {
  store: DeploymentStore;
  repository: string;
  record: UnsentDeployment;
}): Promise<boolean> {
  const { record } = params;
  return heldInStore({
    read: () =>
      params.store.load({
        repository: params.repository,
        environment: record.environment,
        deploymentId: record.deployment_id,
      }),
    same: (stored) =>
      stored.sha === record.sha &&
      stored.templateSha256 === record.template_sha256 &&
      (record.parameters === undefined || isDeepStrictEqual(stored.parameters, record.parameters)),
  });
}
