import type { TaskMarker } from '../state/state-marker.js';
import type { Account } from './account.js';
import { foreignPushesAfter, foreignPushesPatch, type ForeignPush } from './foreign-push.js';
import { pushersAfter, pushersPatch } from './human-pushers-after.js';

/**
 * What the marker records once GitHub was asked who pushed `asked` (`readPushers`): each asked sha
 * as a foreign push (`foreign_pushes`, `foreignPushesAfter`), with the account GitHub named (login,
 * id, type) or without one, and every account named among `human_pushers` (`pushersAfter`), as a
 * `synchronize` sender would be: their approval of what is under the head is set aside; past either
 * list's bound, `trust_lost` instead of dropping one silently (`pushersPatch`, `foreignPushesPatch`). Pure.
 */
export function recordPushers(params: {
  marker: Pick<TaskMarker, 'foreign_pushes' | 'human_pushers'>;
  asked: readonly string[];
  /** sha (lowercase) → the account GitHub named. */
  named: ReadonlyMap<string, Account>;
}): { foreign_pushes: ForeignPush[] } & Pick<TaskMarker, 'human_pushers' | 'trust_lost'> {
  const pushes = params.asked.map((sha): ForeignPush => {
    const account = params.named.get(sha.toLowerCase());
    return account === undefined ? { sha: sha.toLowerCase() } : { sha: sha.toLowerCase(), ...account };
  });
  const foreign = foreignPushesPatch(foreignPushesAfter({ recorded: params.marker.foreign_pushes, pushes }));
  const pushers = pushersPatch(pushersAfter(params.marker.human_pushers, [...params.named.values()]));
  const lost = foreign.trust_lost === true || pushers.trust_lost === true;
  return {
    ...pushers,
    foreign_pushes: foreign.foreign_pushes,
    ...(lost ? { trust_lost: true as const } : {}),
  };
}
