import { z } from 'zod';

/** How many pushes the marker keeps (`foreign_pushes`): a task's branch has a handful, not hundreds. */
export const MAX_FOREIGN_PUSHES = 20;

/**
 * A push to the task's branch that the agent did not make, as the status marker records it
 * (`foreign_pushes`): the commit it made the head, and who pushed it as GitHub said — the
 * `pull_request.synchronize` delivery's sender, or the actor of the repository activity whose
 * `after` is `sha` (`readPushers`). No `login`: GitHub could not say.
 */
export const foreignPushSchema = z.strictObject({
  /** The head the push made, lowercase hex. */
  sha: z.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/),
  login: z.string().min(1).max(100).optional(),
});

export type ForeignPush = z.infer<typeof foreignPushSchema>;

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
    all.push(push.login === undefined ? { sha } : { sha, login: push.login });
  }
  while (all.length > MAX_FOREIGN_PUSHES) {
    const named = all.findIndex((entry) => entry.login !== undefined);
    all.splice(named >= 0 ? named : 0, 1);
  }
  return all;
}
