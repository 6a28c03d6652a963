import { MAX_LOST_RANGES, type TaskEvent } from './task-event.js';

/**
 * The body of the `events_lost` event that names `dropped` (events a status marker could no longer
 * carry, pure): their sequences as inclusive ranges, oldest first, with the ranges of any
 * `events_lost` event among them, so dropping a gap's own record loses nothing of it, and the
 * inclusive ranges `unrecorded` of sequences known lost without their events (a mirror configured
 * after the task began). Past `MAX_LOST_RANGES` the oldest ranges merge into one (the count stays
 * exact). `undefined` for none.
 */
export function eventsLostOf(
  dropped: readonly TaskEvent[],
  unrecorded: readonly (readonly [number, number])[] = [],
): { sequences: [number, number][]; count: number } | undefined {
  const points = [
    ...dropped.flatMap((event): [number, number][] => [
      [event.sequence, event.sequence],
      ...(event.type === 'events_lost' ? event.sequences : []),
    ]),
    ...unrecorded.map(([first, last]): [number, number] => [first, last]),
  ];
  if (points.length === 0) return undefined;
  const sorted = points.sort((a, b) => a[0] - b[0]);
  const ranges: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = ranges.at(-1);
    if (previous !== undefined && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else ranges.push([first, last]);
  }
  const count = ranges.reduce((sum, [first, last]) => sum + last - first + 1, 0);
  while (ranges.length > MAX_LOST_RANGES) {
    const [oldest, next] = ranges.splice(0, 2) as [[number, number], [number, number]];
    ranges.unshift([oldest[0], next[1]]);
  }
  return { sequences: ranges, count };
}
