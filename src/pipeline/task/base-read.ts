import { isEarlierState } from '../../core/state/is-earlier-state.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import { sameBase } from './same-base.js';

/**
 * How the status comment as read just now (`seen`: a ref, `'unchanged'` for a 304 to a conditional
 * read, `undefined` when its marker is gone) stands to the marker a board builds on (`base`):
 * `current` — still the base (or nothing this board may build on: a marker gone or not trusted);
 * `earlier` — an older state written back over the live one (`isEarlierState`), which the board's
 * write replaces; `moved` — another run's write, on which the board's step must be applied. Pure.
 */
export function baseRead(
  seen: StatusCommentRef | 'unchanged' | undefined,
  base: TaskMarker | undefined,
): 'current' | 'earlier' | 'moved' {
  if (seen === 'unchanged' || seen === undefined || seen.trust !== 'trusted') return 'current';
  if (sameBase(seen.marker, base)) return 'current';
  return isEarlierState(seen.marker, base) ? 'earlier' : 'moved';
}
