import { z } from 'zod';
import type { LastPush } from './last-push.js';

/** How many pushes the marker keeps (`foreign_pushes`): a task's branch has a handful, not hundreds. */
export const MAX_FOREIGN_PUSHES = 20;

/**
 * A push to the task's branch that the agent did not make, as the status marker records it
 * (`foreign_pushes`): the commit it made the head, and who pushed it as GitHub said — the
 * `pull_request.synchronize` delivery's sender, or the actor of the repository activity whose
 * `after` is `sha` (`readPushers`): the login, and the account's `id` and `type` when GitHub gave
 * them (absent in older markers). No `login`: GitHub could not say.
 */
export const foreignPushSchema = z.strictObject({
  /** The head the push made, lowercase hex. */
  sha: z.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/),
  login: z.string().min(1).max(100).optional(),
  /** GitHub's account id of the pusher: it stays through a rename. */
  id: z.number().int().positive().optional(),
  /** GitHub's account type of the pusher (`User`, `Bot`): a bot's push names no person. */
  type: z.string().min(1).max(40).optional(),
});

export type ForeignPush = z.infer<typeof foreignPushSchema>;

/**
 * `push` (a `last_push` someone other than the agent made) as a foreign push: its pusher's login
 * and id, and `type: Bot` when it was a bot's, so a later record keeps that it names no person.
 * Undefined for the agent's own push. Pure.
 */
export function foreignPushOf(push: LastPush | undefined): ForeignPush | undefined {
  if (push === undefined || push.by.kind === 'agent') return undefined;
  return {
    sha: push.sha.toLowerCase(),
    login: push.by.login,
    ...(push.by.id === undefined ? {} : { id: push.by.id }),
    ...(push.by.kind === 'bot' ? { type: 'Bot' } : {}),
  };
}

/**
 * `recorded` with `pushes` taken in: a push already there is replaced by the newer record unless
 * that one names nobody and the older one names its pusher (what GitHub said once is kept). Shas
 * lowercase, oldest first; past `MAX_FOREIGN_PUSHES` the oldest pushes whose pusher is known go
 * first (their login stays in `human_pushers`), so a push of unknown pusher is the last forgotten.
 * Pure.
 */
export function foreignPushesAfter(params: {
  recorded: readonly ForeignPush[] | undefined;
  pushes: readonly ForeignPush[];
}): ForeignPush[] {
  const all = [...(params.recorded ?? [])];
  for (const push of params.pushes) {
    const sha = push.sha.toLowerCase();
    const at = all.findIndex((entry) => entry.sha === sha);
    const known = at >= 0 ? all[at] : undefined;
    if (known?.login !== undefined && push.login === undefined) continue;
    if (at >= 0) all.splice(at, 1);
    all.push({ ...push, sha });
  }
  while (all.length > MAX_FOREIGN_PUSHES) {
    const named = all.findIndex((entry) => entry.login !== undefined);
    all.splice(named >= 0 ? named : 0, 1);
  }
  return all;
}
