import { z } from 'zod';
import { TASK_STATES } from './task-state.js';
import { handledTriggersSchema } from '../idempotency/handled-triggers.js';

const MARKER_PREFIX = '<!-- implementation-agent:state ';
const MARKER_SUFFIX = ' -->';

/** What the status comment carries between stateless runs (DESIGN §3). */
export const taskMarkerSchema = z.object({
  task_id: z.string().min(1).max(100),
  state: z.enum(TASK_STATES),
  attempt: z.number().int().nonnegative(),
  branch: z.string().optional(),
  pull_number: z.number().int().positive().optional(),
  environment: z.string().optional(),
  /** The `/implement` comment that holds the request, when it did not come from the issue body. */
  request_comment_id: z.number().int().positive().optional(),
  /** Where the generated CloudFormation template lives on the branch; `/deploy` deploys it. */
  template_path: z.string().optional(),
  cost_usd: z.number().nonnegative().default(0),
  updated_at: z.string(),

  // Idempotency (core/idempotency): what this task has already carried out, so a redelivered or
  // overlapping trigger is not carried out again.
  /** Triggers carried out, newest last (`opened`, `comment:<id>`, `dispatch:<request id>`…). */
  handled_triggers: handledTriggersSchema.optional(),
  /** `requestDigest` of the request the latest generation was made from. */
  generated_from: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export type TaskMarker = z.infer<typeof taskMarkerSchema>;

/** JSON can't end an HTML comment early once `--` and `>` are escaped. */
export function renderStateMarker(marker: TaskMarker): string {
  const json = JSON.stringify(marker).replace(/-/g, '\\u002d').replace(/>/g, '\\u003e');
  return `${MARKER_PREFIX}${json}${MARKER_SUFFIX}`;
}

/**
 * Reads the marker back from a comment body. A body whose marker is absent or does not match
 * the schema yields `undefined`: state is only trusted when it is well formed.
 */
export function parseStateMarker(body: string): TaskMarker | undefined {
  const start = body.indexOf(MARKER_PREFIX);
  if (start < 0) return undefined;
  const end = body.indexOf(MARKER_SUFFIX, start + MARKER_PREFIX.length);
  if (end < 0) return undefined;
  try {
    const parsed = taskMarkerSchema.safeParse(JSON.parse(body.slice(start + MARKER_PREFIX.length, end)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
