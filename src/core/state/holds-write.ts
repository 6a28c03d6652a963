import type { TaskMarker } from './state-marker.js';

/** One write of the status comment, as the run that made it knows it. */
export interface MarkerWrite {
  /** The write's id (`writes` of the marker it wrote ends with it). */
  readonly id: string;
  /**
   * Ids of writes proven to be built on this one: seen after it in a marker that still held it (a
   * read-back before). Absent or empty when none is known yet.
   */
  readonly later?: readonly string[];
}

/**
 * Every write id `marker` names, oldest first: its recent line (`recent_writes`) and its window
 * (`writes`). The window is the last `MAX_MARKER_WRITES` writes, so a recent id it lacks is older
 * than every id in it; a window id missing from the recent line (older than `RECENT_WRITE_MS`) is
 * still in its window place. So the order is the recent ids not in the window, then the window:
 * an id written before another can never be listed after it (and so never learnt as "later").
 */
function namedIds(marker: TaskMarker): readonly string[] {
  const window = marker.writes ?? [];
  const older = (marker.recent_writes ?? []).map((write) => write.id).filter((id) => !window.includes(id));
  return [...older, ...window];
}

/**
 * Whether the marker read now (`seen`) provably holds `write`, i.e. is that write or a later one
 * built on it: it names the write's id (in its window `writes`, or in `recent_writes`, the line's
 * ids of the last `RECENT_WRITE_MS`) or a write known to be built on it (`write.later`). Anything
 * else counts as not holding it, and the step is applied again. Order and version prove nothing
 * once the window has moved past the write: a run that replaced the write (on the same base) and
 * then wrote `MAX_MARKER_WRITES - 1` or more times of its own leaves a full window of its ids, at
 * a higher version, exactly like a line of writes built on this one; only the id tells them apart.
 * Pure.
 */
export function holdsWrite(seen: TaskMarker, write: MarkerWrite): boolean {
  const ids = namedIds(seen);
  return ids.includes(write.id) || (write.later ?? []).some((id) => ids.includes(id));
}

/**
 * `write` with the writes `seen` shows built on it (the ids after its own, or after the last one
 * known built on it) added to what is known of it; `write` unchanged when `seen` names none. Pure.
 */
export function withLaterWrites(write: MarkerWrite, seen: TaskMarker): MarkerWrite {
  const ids = [...new Set(namedIds(seen))];
  const known = [write.id, ...(write.later ?? [])];
  const from = ids.findLastIndex((id) => known.includes(id));
  if (from < 0) return write;
  const added = ids.slice(from + 1).filter((id) => !known.includes(id));
  return added.length === 0 ? write : { id: write.id, later: [...(write.later ?? []), ...added] };
}
