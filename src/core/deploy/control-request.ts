import { z } from 'zod';
import { environmentNameSchema } from '../config/environment-name.js';

/**
 * `/cancel <env>` and `/unlock <env>` act on AWS, which only the deploy workflow can reach (OIDC),
 * so the command handler sends them to it as a `repository_dispatch` of this type.
 */
export const CONTROL_DISPATCH_TYPE = 'implementation-control';

/**
 * A GitHub login (alphanumerics and single hyphens, at most 39 characters), or an App's
 * `<slug>[bot]`. The workflow shows it as an `@mention`, so anything else (an unsigned dispatch
 * can carry whatever its sender wrote) would let the sender make the agent notify or link anyone.
 */
const REQUESTER_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

export const controlRequestSchema = z.object({
  version: z.literal(1),
  command: z.enum(['cancel', 'unlock']),
  /** A configurable environment name (`environmentNameSchema`): shown in the answer as it is. */
  environment: environmentNameSchema,
  /** Where the answer goes: the issue or pull request the command was written on. */
  issue_number: z.number().int().positive(),
  requested_by: z.string().regex(REQUESTER_LOGIN),
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
