import type { TaskEvent } from './task-event.js';

/**
 * The sequences up to `version` a mirror lacks that nothing left can send or name (pure), as
 * inclusive ranges, oldest first: above `covered` (the mirror's record version: it holds every
 * event up to it), not among `held` (events the results table holds) or `carried` (events the
 * source still has to send), and not named by an `events_lost` event among either. What remains
 * was never sent and has no copy anywhere: steps taken before the mirror was configured (or while
 * it pointed at another table). Empty when nothing is missing. Works on ranges, never one sequence
 * at a time, so a version near `MAX_RECORD_VERSION` costs no more than a small one.
 */
export function unrecordedSequences(params: {
  version: number;
  covered: number;
  held: readonly TaskEvent[];
  carried: readonly TaskEvent[];
}): [number, number][] {
  const named = [...params.held, ...params.carried]
    .flatMap((event): (readonly [number, number])[] => [
      [event.sequence, event.sequence],
      ...(event.type === 'events_lost' ? event.sequences : []),
    ])
    .sort((a, b) => a[0] - b[0]);
  const missing: [number, number][] = [];
  let next = params.covered + 1;
  for (const [first, last] of named) {
    if (next > params.version) break;
    if (first > next) missing.push([next, Math.min(first - 1, params.version)]);
    next = Math.max(next, last + 1);
  }
  if (next <= params.version) missing.push([next, params.version]);
  return missing;
}
