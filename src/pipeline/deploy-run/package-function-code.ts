import type { AgentConfig } from '../../core/config/agent-config.js';
import {
  CODE_BUCKET_PARAMETER,
  CODE_KEY_PARAMETER,
  planCodePackage,
} from '../../core/deploy/code-package-plan.js';
import type { DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { S3Api } from '../../aws/s3/s3-api.js';
import { uploadByContentHash } from '../../aws/s3/upload-by-content-hash.js';
import { buildService } from '../../packaging/build-service.js';
import { pathInsideCheckout } from '../../packaging/path-inside-checkout.js';
import type { CommandRunner } from '../../packaging/command-runner.js';
import { zipDirectory } from '../../packaging/zip-directory.js';
import type { DeployEvent } from './deploy-event.js';

export type PackagedParameters =
  { readonly parameters: Record<string, string> } | { readonly refusal: string };

/**
 * The deploy's parameters, with the service's Lambda code built, zipped and uploaded by content hash
 * when the template takes it from S3 and the deployment does not already say where it is (the way
 * `aws cloudformation package` fills in code locations). The code is built from the checkout, which
 * must be at the deployed sha; anything that stops the packaging is a refusal: nothing is deployed.
 */
export async function packageFunctionCode(params: {
  event: DeployEvent;
  payload: DeploymentPayload;
  template: string;
  config: AgentConfig;
  /** The repository checked out by the workflow (GITHUB_WORKSPACE); absent: nothing can be built. */
  workspace: string | undefined;
  s3For: (region: string) => S3Api;
  run: CommandRunner;
  log: (line: string) => void;
}): Promise<PackagedParameters> {
  const { event, payload } = params;
  const plan = planCodePackage({
    template: params.template,
    templatePath: payload.template_path,
    parameters: payload.parameters,
    config: params.config,
    environment: event.environment,
    region: payload.region,
    repository: `${event.repository.owner}/${event.repository.repo}`,
  });
  if (plan.kind === 'none') return { parameters: { ...payload.parameters } };
  if (plan.kind === 'refuse') return { refusal: plan.message };
  const workspace = params.workspace;
  if (workspace === undefined || workspace === '')
    return {
      refusal: `${payload.template_path} needs its Lambda code built, and this run has no checkout (GITHUB_WORKSPACE): add actions/checkout before the deploy step. Nothing was deployed.`,
    };
  const head = await params.run('git', ['rev-parse', 'HEAD'], { cwd: workspace });
  if (head.code !== 0 || head.output.trim() !== event.sha) {
    return {
      refusal: `The checkout is at ${head.output.trim().slice(0, 7) || 'no commit'}, not the deployed ${event.sha.slice(0, 7)}, so its code cannot be packaged for this deployment. Nothing was deployed.`,
    };
  }
  // Inside by its text and by its real path: a committed symlink may lead anywhere on the runner.
  const inside = pathInsideCheckout(workspace, plan.serviceDir);
  if ('refusal' in inside)
    return { refusal: `The code of ${payload.template_path}: ${inside.refusal}. Nothing was deployed.` };
  const dir = inside.path;
  try {
    const dist = await buildService({ dir, run: params.run, log: params.log });
    const uploaded = await uploadByContentHash({
      s3: params.s3For(payload.region),
      bucket: plan.bucket,
      keyPrefix: plan.keyPrefix,
      body: zipDirectory(dist),
    });
    params.log(
      `Code ${uploaded.uploaded ? 'uploaded to' : 'already at'} s3://${uploaded.bucket}/${uploaded.key}`,
    );
    if (uploaded.warning !== undefined) params.log(`::warning::${uploaded.warning}`);
    return {
      parameters: {
        ...payload.parameters,
        [CODE_BUCKET_PARAMETER]: uploaded.bucket,
        [CODE_KEY_PARAMETER]: uploaded.key,
      },
    };
  } catch (error) {
    return {
      refusal: `The code could not be packaged: ${error instanceof Error ? error.message : String(error)} Nothing was deployed.`,
    };
  }
}
