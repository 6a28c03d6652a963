import { z } from 'zod';
import { DEPLOYMENT_STRATEGIES } from '../request/execution-request.js';

/**
 * What a GitHub deployment carries from `/deploy` to the workflow run that performs it. The
 * workflow trusts nothing else: stack, template, parameters and the sha that was checked are here.
 */
export const deploymentPayloadSchema = z.object({
  version: z.literal(1),
  task_id: z.string().min(1).optional(),
  /**
   * GitHub's id of the repository the deployment was created in (`repository.id`): kept through a
   * rename or a transfer, so `task_id` under a former name is still known for this repository's,
   * and the signature is bound to it (`deploymentSigningText`). Absent on older deployments.
   */
  repository_id: z.number().int().positive().optional(),
  stack_name: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must be a valid CloudFormation stack name'),
  template_path: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-southeast-2'),
  parameters: z.record(z.string(), z.string()).default({}),
  strategy: z.enum(DEPLOYMENT_STRATEGIES).optional(),
  /** The sha the rules were checked against; the run refuses to deploy anything else. */
  checked_sha: z.string().regex(/^[0-9a-f]{40}$/, 'must be a full commit sha'),
  requested_by: z.string().min(1),
  /**
   * Set on deploy on merge when the agent merged the pull request itself (merge-when-green, or the
   * auto-merge it armed): its login. `requested_by` is then the task's requester it deployed for.
   */
  merged_by: z.string().min(1).max(100).optional(),
  pull_number: z.number().int().positive().optional(),
  /**
   * The branch `checked_sha` is on, as `allowed_refs` read it when the deploy was allowed: the pull
   * request's head branch while open, its base branch once merged. `/rollback` checks the same.
   */
  branch: z.string().min(1).optional(),
  /**
   * A change set only: the run deploys nothing, so the deployment never counts as what runs — not
   * for rollbacks, `deploy_order` or quarantine — and retires no earlier deployment.
   */
  dry_run: z.boolean().default(false),
  /** Set on rollbacks: the deployment this one replaces. */
  rollback_of: z.number().int().positive().optional(),
  /** Set on rollbacks: the deployment whose exact template and parameters are deployed again. */
  rollback_to: z.number().int().positive().optional(),
  /**
   * The `/deploy` or `/rollback` comment this deployment carries out: a redelivered command finds
   * it (`findCommandDeployment`) and is not carried out again. Absent on older deployments.
   */
  command_comment_id: z.number().int().positive().optional(),
  /**
   * Set on automated mode's deploy on merge: the merged pull request this deployment carries out,
   * so a redelivered merge event finds it (`findTriggerDeployment`) and deploys nothing more.
   */
  merge_of: z.number().int().positive().optional(),
  /**
   * A one-time id: a run refuses a payload whose nonce an earlier deployment of the repository
   * already carried (a signed payload copied into a new deployment). Absent on older deployments.
   */
  nonce: z.string().min(1).max(64).optional(),
  /**
   * HMAC-SHA256 of the payload bound to the deployment's repository (its id when `repository_id`
   * is set, else its name), sha and environment (`signDeploymentPayload`).
   */
  signature: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a hex HMAC-SHA256')
    .optional(),
});

export type DeploymentPayload = z.infer<typeof deploymentPayloadSchema>;
