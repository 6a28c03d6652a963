import { z } from 'zod';

/** What a deployment deployed, exactly: enough to deploy it again byte for byte. */
export interface StoredDeployment {
  readonly repository: string;
  readonly environment: string;
  readonly deploymentId: number;
  readonly sha: string;
  readonly stackName: string;
  readonly template: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly outputs: Readonly<Record<string, string>>;
  /** sha256 of the template, so a later reader can tell it was not altered. */
  readonly templateSha256: string;
}

export interface DeploymentKey {
  readonly repository: string;
  readonly environment: string;
  readonly deploymentId: number;
}

/**
 * Where each deployment's exact template, parameters and outputs are kept (DESIGN §11:
 * `<owner>/<repo>/<env>/<deployment_id>/...`, `deploymentPrefix`): the S3 deployments bucket when
 * configured, else a local folder.
 */
export interface DeploymentStore {
  /**
   * The store computes `templateSha256` itself, so the hash always matches what it wrote, and
   * redacts parameters and outputs first (`redactDeployment`: NoEcho values and secrets withheld).
   */
  save(deployment: Omit<StoredDeployment, 'templateSha256'>): Promise<void>;
  load(key: DeploymentKey): Promise<StoredDeployment | undefined>;
  /**
   * Uploads the template of a deployment about to run (its `template.json`) and returns the URL
   * CloudFormation reads it from (`TemplateURL`), for templates over the 51,200-byte inline limit.
   * Only a bucket can: the local folder has no such method.
   */
  stageTemplate?(params: DeploymentKey & { readonly template: string }): Promise<string>;
  /**
   * Uploads a nested stack's template by content hash (`<owner>/<repo>/templates/<sha256>.json`
   * or `.yaml`; one already there is not uploaded again) and returns the URL CloudFormation reads
   * it from, as `aws cloudformation package` does for a local `TemplateURL`. Only a bucket can.
   */
  stageNestedTemplate?(params: { readonly repository: string; readonly template: string }): Promise<string>;
}

/** What a store writes beside the template (`record.json`), checked when read back. */
export const storedDeploymentRecordSchema = z.object({
  repository: z.string(),
  environment: z.string(),
  deploymentId: z.number().int().positive(),
  sha: z.string(),
  stackName: z.string(),
  parameters: z.record(z.string(), z.string()),
  outputs: z.record(z.string(), z.string()),
  templateSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
