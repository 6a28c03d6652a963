import { z } from 'zod';

/**
 * Deployment records the marker keeps while the deployments store is out: a few deploys of one
 * task at most happen during an outage; past this many the oldest is named lost.
 */
export const MAX_UNSENT_DEPLOYMENTS = 4;

/**
 * The parameters' JSON an unsent record may carry (characters, as the marker writes them:
 * `markerChars`, where `-` and `>` take six each): typical stacks have a handful;
 * a record whose parameters are larger keeps none, and its re-send names them lost, so the
 * marker always fits a comment (65,536 characters).
 */
export const MAX_UNSENT_PARAMETERS_CHARS = 4_000;

/**
 * A deployment whose record (`DeploymentStore.save`: template, parameters, outputs) the store did
 * not take. The template is not carried: it is read again at `sha` from `template_path` and must
 * hash to `template_sha256`. The parameters are those deployed (packaged code locations included;
 * the deployment payload carries them too). The stack outputs are never carried: the status
 * comment is public to everyone who reads the issue, and an output may hold what only the stack's
 * readers should see; the re-sent record names them lost.
 */
export const unsentDeploymentSchema = z.object({
  environment: z.string().min(1).max(255),
  deployment_id: z.number().int().positive(),
  sha: z.string().regex(/^[0-9a-f]{40}$/),
  stack_name: z.string().min(1).max(128),
  template_path: z.string().min(1).max(400),
  template_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Absent when they did not fit (`MAX_UNSENT_PARAMETERS_CHARS`): the re-send names them lost. */
  parameters: z.record(z.string(), z.string()).optional(),
});

export type UnsentDeployment = z.infer<typeof unsentDeploymentSchema>;
