import { MAX_RECENT_WRITES, RECENT_WRITE_MS, type TaskMarker } from './state-marker.js';

/**
 * The marker's `recent_writes` after write `id` at `at`: the earlier entries made within
 * `RECENT_WRITE_MS` of it (or stamped later, by a runner whose clock runs ahead) and then this
 * one, at most `MAX_RECENT_WRITES`, newest kept. Pure.
 */
export function recentWritesAfter(
  earlier: TaskMarker['recent_writes'],
  id: string,
  at: Date,
): NonNullable<TaskMarker['recent_writes']> {
  const seconds = Math.floor(at.getTime() / 1000);
  const since = seconds - Math.floor(RECENT_WRITE_MS / 1000);
  return [...(earlier ?? []).filter((write) => write.at >= since), { id, at: seconds }].slice(
    -MAX_RECENT_WRITES,
  );
}
