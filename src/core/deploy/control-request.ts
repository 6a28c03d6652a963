import { z } from 'zod';

/**
 * `/cancel <env>` and `/unlock <env>` act on AWS, which only the deploy workflow can reach (OIDC),
 * so the command handler sends them to it as a `repository_dispatch` of this type.
 */
export const CONTROL_DISPATCH_TYPE = 'implementation-control';

export const controlRequestSchema = z.object({
  version: z.literal(1),
  command: z.enum(['cancel', 'unlock']),
  environment: z.string().min(1),
  /** Where the answer goes: the issue or pull request the command was written on. */
  issue_number: z.number().int().positive(),
  requested_by: z.string().min(1),
  /** The environment's region from config, for the workflow's AWS credentials step. */
  region: z.string().min(1),
  /** When the agent issued it (ISO 8601): a signed request is good for a short while only. */
  issued_at: z.iso.datetime({ offset: true }).optional(),
  /** HMAC-SHA256 over the request and its repository (`signControlRequest`), when a marker key is set. */
  signature: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export type ControlRequest = z.infer<typeof controlRequestSchema>;
