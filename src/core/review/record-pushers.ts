import type { TaskMarker } from '../state/state-marker.js';
import { foreignPushesAfter, type ForeignPush } from './foreign-push.js';
import { MAX_HUMAN_PUSHERS } from './human-pushers-after.js';

/**
 * What the marker records once GitHub was asked who pushed `asked` (`readPushers`): each asked sha
 * as a foreign push (`foreign_pushes`, `foreignPushesAfter`), with the login GitHub named or
 * without one, and every login named among `human_pushers` (lowercase, without repeats, the newest
 * last, at most `MAX_HUMAN_PUSHERS`), as a `synchronize` sender would be: their approval of
 * what is under the head is set aside. Pure.
 */
export function recordPushers(params: {
  marker: Pick<TaskMarker, 'foreign_pushes' | 'human_pushers'>;
  asked: readonly string[];
  /** sha (lowercase) → the login GitHub named. */
  named: ReadonlyMap<string, string>;
}): { foreign_pushes: ForeignPush[]; human_pushers?: string[] } {
  const pushes = params.asked.map((sha): ForeignPush => {
    const login = params.named.get(sha.toLowerCase());
    return login === undefined ? { sha: sha.toLowerCase() } : { sha: sha.toLowerCase(), login };
  });
  const logins = [...(params.marker.human_pushers ?? []), ...params.named.values()].map((login) =>
    login.toLowerCase(),
  );
  const humanPushers = [...new Set(logins)].slice(-MAX_HUMAN_PUSHERS);
  return {
    foreign_pushes: foreignPushesAfter({ recorded: params.marker.foreign_pushes, pushes }),
    ...(humanPushers.length === 0 ? {} : { human_pushers: humanPushers }),
  };
}
