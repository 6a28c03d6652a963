import { z } from 'zod';
import type { TaskMarker } from '../state/state-marker.js';
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
 * The foreign pushes a marker keeps after taking some in (`foreignPushesAfter`). `pastBound`: more
 * pushes than `MAX_FOREIGN_PUSHES`, so `pushes` (to stay a valid marker) left one out whose pusher
 * the approval rule then could not set aside: the caller records `trust_lost`
 * (`foreignPushesPatch`) and no approval counts at all (DESIGN §5b: nothing is dropped silently).
 */
export interface ForeignPushesAfter {
  readonly pushes: ForeignPush[];
  readonly pastBound: boolean;
}

/**
 * `recorded` with `pushes` taken in: a push already there is replaced by the newer record unless
 * that one names nobody and the older one names its pusher (what GitHub said once is kept). Shas
 * lowercase, oldest first; past `MAX_FOREIGN_PUSHES` the oldest pushes whose pusher is known go
 * first (their login stays in `human_pushers`), so a push of unknown pusher is the last forgotten,
 * and `pastBound` says one was left out (`foreignPushesPatch` records it as `trust_lost`). Pure.
 */
export function foreignPushesAfter(params: {
  recorded: readonly ForeignPush[] | undefined;
  pushes: readonly ForeignPush[];
}): ForeignPushesAfter {
  const all = [...(params.recorded ?? [])];
  for (const push of params.pushes) {
    const sha = push.sha.toLowerCase();
    const at = all.findIndex((entry) => entry.sha === sha);
    const known = at >= 0 ? all[at] : undefined;
    if (known?.login !== undefined && push.login === undefined) continue;
    if (at >= 0) all.splice(at, 1);
    all.push({ ...push, sha });
  }
  const pastBound = all.length > MAX_FOREIGN_PUSHES;
  while (all.length > MAX_FOREIGN_PUSHES) {
    const named = all.findIndex((entry) => entry.login !== undefined);
    all.splice(named >= 0 ? named : 0, 1);
  }
  return { pushes: all, pastBound };
}

/**
 * What `after` writes on the marker: `foreign_pushes`, and `trust_lost` when more pushes were made
 * than it keeps (`pastBound`): the push left out could be one whose pusher nobody else records, so
 * every approval is set aside (`applyReviewPolicy`), an automated task falls back to guided and a
 * person with write access merges by hand (`TRUST_LOST_REASON`). Never clears a `trust_lost`
 * already set (the field is left out). Pure.
 */
export function foreignPushesPatch(
  after: ForeignPushesAfter,
): { foreign_pushes: ForeignPush[] } & Pick<TaskMarker, 'trust_lost'> {
  return {
    foreign_pushes: after.pushes,
    ...(after.pastBound ? { trust_lost: true as const } : {}),
  };
}
