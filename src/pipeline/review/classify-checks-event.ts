import { z } from 'zod';
import type { RepositoryRef } from '../events/task-event.js';

/** CI finished reporting on a commit: merge-when-green judges the pull requests it heads. */
export interface ChecksCompletedEvent {
  readonly kind: 'checks-completed';
  readonly repository: RepositoryRef;
  /** The commit the check suite or status is for. */
  readonly sha: string;
}

const repositorySchema = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  default_branch: z.string().default('main'),
});
const checkSuiteSchema = z.object({
  action: z.literal('completed'),
  check_suite: z.object({ head_sha: z.string().regex(/^[0-9a-f]{40}$/) }),
  repository: repositorySchema,
});
const statusSchema = z.object({
  sha: z.string().regex(/^[0-9a-f]{40}$/),
  state: z.string(),
  repository: repositorySchema,
});

/**
 * `check_suite.completed` and `status` (GitHub webhook events) as the sha they report on; only
 * the sha and repository are taken from the payload, everything else is read back. A pending
 * status decides nothing, so it is ignored; anything else is not one of these events.
 */
export function classifyChecksEvent(event: {
  name: string;
  payload: unknown;
}): ChecksCompletedEvent | { kind: 'ignored'; reason: string } {
  const parsed =
    event.name === 'check_suite'
      ? checkSuiteSchema.safeParse(event.payload)
      : event.name === 'status'
        ? statusSchema.safeParse(event.payload)
        : undefined;
  if (parsed === undefined || !parsed.success) {
    return { kind: 'ignored', reason: `${event.name} is not a completed check suite or a status` };
  }
  const data = parsed.data;
  if ('state' in data && data.state === 'pending')
    return { kind: 'ignored', reason: 'a pending status decides nothing' };
  const repository = {
    owner: data.repository.owner.login,
    repo: data.repository.name,
    defaultBranch: data.repository.default_branch,
  };
  return { kind: 'checks-completed', repository, sha: 'sha' in data ? data.sha : data.check_suite.head_sha };
}
